# syntax=docker/dockerfile:1
# confbot: build the runnable jar with the project's own Maven wrapper, run it on a JRE as a
# non-root user. Build:  docker build -t confbot .
# Run:    docker run -e TELEGRAM_BOT_TOKEN=... -v "$PWD/notes:/notes:ro" -p 8080:8080 confbot
# More in docs/operations.md.

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
# The wrapper pins Maven (3.9.16) exactly as ./mvnw does on a developer's machine and in CI.
COPY mvnw ./
COPY .mvn .mvn
COPY pom.xml ./
COPY knowledge knowledge
COPY bot-core bot-core
COPY adapters adapters
# Tests run in CI (they need ../shared beside the checkout); the image build only packages.
# The cache mount keeps ~/.m2 between builds, so a code change does not download the world again.
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -ntp -DskipTests package -pl adapters/cli -am \
 && cp adapters/cli/target/confbot.jar /confbot.jar

FROM eclipse-temurin:17-jre
# A fixed uid/gid, so Kubernetes' runAsNonRoot can check it and mounted files can be chown'ed to it.
RUN groupadd --system --gid 10001 confbot \
 && useradd --system --uid 10001 --gid confbot --home-dir /nonexistent --no-create-home --shell /usr/sbin/nologin confbot \
 && mkdir -p /opt/confbot /etc/confbot /notes /var/lib/confbot \
 && chown 10001:10001 /var/lib/confbot
COPY --from=build /confbot.jar /opt/confbot/confbot.jar
# The default settings: built-in knowledge plus whatever is mounted at /notes, health on 8080.
# Mount your own file over it (or set CONFBOT_CONFIG); ./confbot.yaml is read from the workdir.
COPY deploy/confbot.yaml /etc/confbot/confbot.yaml
WORKDIR /etc/confbot
# Your notes (Markdown or text, any depth); read-only is enough. Changes are re-indexed live.
VOLUME ["/notes"]
# The state (the journal of Telegram updates taken and not yet answered): keep this volume across
# container restarts, or a restart forgets what it had taken. CONFBOT_DATABASE_URL moves it to PostgreSQL.
ENV CONFBOT_STATE_FILE=/var/lib/confbot/state.db
VOLUME ["/var/lib/confbot"]
EXPOSE 8080
USER 10001:10001
# /healthz needs no curl: bash's /dev/tcp speaks enough HTTP for a status line.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${CONFBOT_HTTP_PORT:-8080} && printf 'GET /healthz HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]
# java is PID 1 (exec form, no shell), so SIGTERM from `docker stop` reaches confbot directly;
# it finishes the answers in flight and exits 0 within 10 s, Docker's default stop timeout.
# SerialGC and half the container's memory for the heap: the ~300 MB RSS target (see deploy/kubernetes).
ENTRYPOINT ["java", "-XX:+UseSerialGC", "-XX:MaxRAMPercentage=50", "-XX:+ExitOnOutOfMemoryError", "-jar", "/opt/confbot/confbot.jar"]
CMD ["serve"]
