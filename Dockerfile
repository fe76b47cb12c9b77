# Multi-stage build: Maven on JDK 17 builds the app, a JRE 17 image runs it.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -B -ntp -DskipTests package

FROM eclipse-temurin:17-jre
RUN apt-get update && apt-get install -y --no-install-recommends wget && rm -rf /var/lib/apt/lists/* \
    && useradd --system --home /opt/parkleit parkleit && mkdir -p /var/lib/parkleit && chown parkleit /var/lib/parkleit
WORKDIR /opt/parkleit
COPY --from=build /src/app/target/parkleit.jar /opt/parkleit/parkleit.jar
COPY --from=build /src/app/target/lib /opt/parkleit/lib
COPY cities /opt/parkleit/cities
ENV PARKLEIT_HOME=/opt/parkleit PARKLEIT_DATA_DIR=/var/lib/parkleit
USER parkleit
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/opt/parkleit/parkleit.jar"]
CMD ["serve"]
