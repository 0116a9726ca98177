{{/*
Names, labels, the image reference, the rendered config and the checks every
template shares. Defined once here, so resources agree with each other.
*/}}

{{/* The chart name, or nameOverride. */}}
{{- define "article-normalizer.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
The name of every resource: fullnameOverride, else <release>-<name>, or the
release name alone when it already contains the chart name. Kubernetes names
(DNS labels) stop at 63 characters.
*/}}
{{- define "article-normalizer.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/* chart-version, for the helm.sh/chart label. */}}
{{- define "article-normalizer.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Labels of every resource but the test pod. */}}
{{- define "article-normalizer.labels" -}}
helm.sh/chart: {{ include "article-normalizer.chart" . | quote }}
{{ include "article-normalizer.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service | quote }}
{{- end }}

{{/*
Labels of the release's pods, server or test. Values are quoted: a release
named `n` or `yes` would otherwise be read back as a boolean.
*/}}
{{- define "article-normalizer.instanceLabels" -}}
app.kubernetes.io/name: {{ include "article-normalizer.name" . | quote }}
app.kubernetes.io/instance: {{ .Release.Name | quote }}
{{- end }}

{{/*
Labels that select the server pods. The component keeps the `helm test` pod
(component test) out of the Services, the PDB and the topology spread.
Never change them on upgrade: a Deployment's selector is immutable.
*/}}
{{- define "article-normalizer.selectorLabels" -}}
{{ include "article-normalizer.instanceLabels" . }}
app.kubernetes.io/component: server
{{- end }}

{{/* The ServiceAccount the pods run as. */}}
{{- define "article-normalizer.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "article-normalizer.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/*
An image reference from a dict with repository, tag, digest: repository@digest
when a digest is given, else repository:tag, the tag defaulting to appVersion.
Call with (dict "image" <values> "context" $).
*/}}
{{- define "article-normalizer.imageRef" -}}
{{- $image := .image }}
{{- if $image.digest }}
{{- printf "%s@%s" $image.repository $image.digest }}
{{- else }}
{{- printf "%s:%s" $image.repository (default .context.Chart.AppVersion $image.tag) }}
{{- end }}
{{- end }}

{{/* The server image. */}}
{{- define "article-normalizer.image" -}}
{{- include "article-normalizer.imageRef" (dict "image" .Values.image "context" .) }}
{{- end }}

{{/*
The test pod's image: the server image unless tests.image.repository is set,
then tests.image's own tag (default appVersion) or digest.
*/}}
{{- define "article-normalizer.testImageValues" -}}
{{- $tests := .Values.tests.image }}
{{- $image := pick .Values.image "repository" "tag" "digest" }}
{{- if $tests.repository }}
{{- $image = pick $tests "repository" "tag" "digest" }}
{{- end }}
{{- $_ := set $image "pullPolicy" (default .Values.image.pullPolicy $tests.pullPolicy) }}
{{- toYaml $image }}
{{- end }}

{{/*
The gRPC container port: the port of config.server.listen, so the server, the
probes, the Service and the NetworkPolicy cannot disagree.
*/}}
{{- define "article-normalizer.grpcPort" -}}
{{- $port := regexFind "[0-9]+$" (toString .Values.config.server.listen) }}
{{- if not $port }}
{{- fail (printf "config.server.listen %q must end with :PORT" .Values.config.server.listen) }}
{{- end }}
{{- $port }}
{{- end }}

{{/*
The whole config.toml: .Values.config plus the two sections the chart owns,
[telemetry] (from telemetry.*) and [metrics] (from metrics.*).
Numbers from values files reach templates as float64, which toToml writes as
8388608.0 (Helm 3) or 8.388608e+06 (Helm 4); every number the server reads is
an integer, so whole floats are turned back into integers first.
*/}}
{{- define "article-normalizer.configToml" -}}
{{- $config := deepCopy .Values.config }}
{{- range $section, $keys := $config }}
{{- if kindIs "map" $keys }}
{{- range $key, $value := $keys }}
{{- if and (kindIs "float64" $value) (eq (float64 (int64 $value)) $value) }}
{{- $_ := set $keys $key (int64 $value) }}
{{- end }}
{{- end }}
{{- end }}
{{- end }}
{{- $_ := set $config "telemetry" (dict
  "otlp_endpoint" .Values.telemetry.otlpEndpoint
  "otlp_protocol" .Values.telemetry.otlpProtocol
  "service_name" (default (include "article-normalizer.name" .) .Values.telemetry.serviceName)
) }}
{{- $metricsListen := "" }}
{{- if .Values.metrics.enabled }}
{{- $metricsListen = printf "0.0.0.0:%d" (int .Values.metrics.port) }}
{{- end }}
{{- $_ := set $config "metrics" (dict "listen" $metricsListen) }}
{{- if .Values.tls.enabled }}
{{- $dir := include "article-normalizer.tlsMountPath" . }}
{{- $_ := set $config.server "tls" (dict
  "cert_file" (printf "%s/tls.crt" $dir)
  "key_file" (printf "%s/tls.key" $dir)
  "client_ca_file" (ternary (printf "%s/ca.crt" $dir) "" .Values.tls.clientAuth)
  "reload_interval_seconds" (int64 .Values.tls.reloadIntervalSeconds)
) }}
{{- end }}
{{- toToml $config }}
{{- end }}

{{/*
Where the TLS Secret is mounted: the whole Secret, not subPath files, so the
kubelet's atomic update of a renewed certificate reaches the server, which
reloads it without a restart.
*/}}
{{- define "article-normalizer.tlsMountPath" -}}
/etc/article-normalizer-tls
{{- end }}

{{/* The name the probes expect in the server certificate. */}}
{{- define "article-normalizer.tlsServerName" -}}
{{- default (printf "%s.%s.svc" (include "article-normalizer.fullname" .) .Release.Namespace) .Values.tls.serverName }}
{{- end }}

{{/*
The TLS flags of `article-normalizer probe`, as a YAML list: trust the
Secret's ca.crt, expect tls.serverName, and under mutual TLS present the
Secret's own certificate as the client certificate.
*/}}
{{- define "article-normalizer.tlsProbeFlags" -}}
{{- $dir := include "article-normalizer.tlsMountPath" . }}
{{- $flags := list "--ca" (printf "%s/ca.crt" $dir) "--server-name" (include "article-normalizer.tlsServerName" .) }}
{{- if .Values.tls.clientAuth }}
{{- $flags = concat $flags (list "--cert" (printf "%s/tls.crt" $dir) "--key" (printf "%s/tls.key" $dir)) }}
{{- end }}
{{- toYaml $flags }}
{{- end }}

{{/*
Checks that a schema cannot express; each stops the render with a message
that says what to change.
*/}}
{{- define "article-normalizer.validate" -}}
{{- $server := .Values.config.server }}
{{- $preStop := int .Values.preStopSleepSeconds }}
{{- $delay := int $server.shutdown_delay_seconds }}
{{- $drain := int $server.drain_timeout_seconds }}
{{- $grace := int .Values.terminationGracePeriodSeconds }}
{{- if le $grace (add $preStop $delay $drain) }}
{{- fail (printf "terminationGracePeriodSeconds (%d) must exceed preStopSleepSeconds (%d) + config.server.shutdown_delay_seconds (%d) + config.server.drain_timeout_seconds (%d) = %d, or the kubelet kills the server while it drains; raise it to at least %d" $grace $preStop $delay $drain (add $preStop $delay $drain) (add $preStop $delay $drain 5)) }}
{{- end }}
{{- if and (gt $preStop 0) (semverCompare "<1.30.0-0" .Capabilities.KubeVersion.Version) }}
{{- fail (printf "preStopSleepSeconds needs the preStop sleep action of Kubernetes >= 1.30; this cluster is %s: set preStopSleepSeconds to 0 and rely on config.server.shutdown_delay_seconds" .Capabilities.KubeVersion.Version) }}
{{- end }}
{{- $limits := .Values.config.limits | default dict }}
{{- if and (hasKey $server "max_message_bytes") (hasKey $limits "max_article_bytes") }}
{{- if le (int64 $server.max_message_bytes) (int64 $limits.max_article_bytes) }}
{{- fail (printf "config.server.max_message_bytes (%d) must be greater than config.limits.max_article_bytes (%d), so an article at the limit fits in a message; the server would refuse to start" (int64 $server.max_message_bytes) (int64 $limits.max_article_bytes)) }}
{{- end }}
{{- end }}
{{- if and .Values.autoscaling.enabled (gt (int .Values.autoscaling.minReplicas) (int .Values.autoscaling.maxReplicas)) }}
{{- fail (printf "autoscaling.minReplicas (%d) must not exceed autoscaling.maxReplicas (%d)" (int .Values.autoscaling.minReplicas) (int .Values.autoscaling.maxReplicas)) }}
{{- end }}
{{- if and .Values.metrics.enabled (eq (int .Values.metrics.port) (int (include "article-normalizer.grpcPort" .))) }}
{{- fail (printf "metrics.port (%d) must differ from the gRPC port of config.server.listen" (int .Values.metrics.port)) }}
{{- end }}
{{- if and (or .Values.tests.image.tag .Values.tests.image.digest) (not .Values.tests.image.repository) }}
{{- fail "tests.image.tag and tests.image.digest apply to tests.image.repository: set it too, or leave all three empty to test with the server image" }}
{{- end }}
{{- if and .Values.tls.enabled (not .Values.tls.secretName) }}
{{- fail "tls.enabled needs tls.secretName: a Secret with tls.crt, tls.key and ca.crt (as cert-manager writes it)" }}
{{- end }}
{{- if and .Values.tls.clientAuth (not .Values.tls.enabled) }}
{{- fail "tls.clientAuth needs tls.enabled" }}
{{- end }}
{{- if and .Values.metrics.serviceMonitor.enabled (not .Values.metrics.enabled) }}
{{- fail "metrics.serviceMonitor.enabled needs metrics.enabled" }}
{{- end }}
{{- end }}
