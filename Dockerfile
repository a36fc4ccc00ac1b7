# One Boxoffice node, from the extracted jar (faster start; on Java 21+ the single jar's nested class loading can
# deadlock under load, README). Built from the sources: docker compose build.
FROM eclipse-temurin:21-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -q -DskipTests install \
 && java -Djarmode=tools -jar app/target/boxoffice.jar extract --destination /opt/boxoffice

FROM eclipse-temurin:21-jre
# curl for the health check only
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --home-dir /opt/boxoffice boxoffice
COPY --from=build /opt/boxoffice /opt/boxoffice
USER 10001
WORKDIR /opt/boxoffice
EXPOSE 8080
# ready = Flyway done, processors started, PostgreSQL reachable; a saga-only node answers this probe too
HEALTHCHECK --interval=5s --timeout=3s --start-period=90s --retries=3 \
  CMD curl -fsS http://127.0.0.1:8080/actuator/health/readiness || exit 1
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=60", "-jar", "/opt/boxoffice/boxoffice.jar"]
