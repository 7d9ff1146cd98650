# Runs the shaded jar built by `mvn -q package -DskipTests` (query-api/target/recordings-indexer.jar).
FROM eclipse-temurin:17-jre
WORKDIR /app
COPY query-api/target/recordings-indexer.jar /app/recordings-indexer.jar
ENV DATA_DIR=/data STATE_DIR=/data/state
VOLUME /data
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/recordings-indexer.jar"]
