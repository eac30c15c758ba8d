import { describe, expect, test } from '@jest/globals';
import { dockerfile } from '../helpers.js';
import rule from '../../rules/missing-multi-stage.js';
import { lintRule, ruleHits, ruleTester } from '../rule-tester.js';

describe(rule.meta.id, () => {
  test.each([
    ['go build', 'FROM golang:1.22\nCOPY . .\nRUN go build -o /app .\n', 3],
    ['cargo build', 'FROM rust:1.79\nCOPY . .\nRUN cargo build --release\n', 3],
    ['mvn package', 'FROM maven:3.9\nCOPY . .\nRUN mvn -B package\n', 3],
    ['gradle bootJar', 'FROM gradle:7.6.1\nCOPY . .\nRUN gradle bootJar\n', 3],
    ['npm run build', 'FROM node:20\nCOPY . .\nRUN npm ci && npm run build\n', 3],
    ['tsc', 'FROM node:20\nCOPY . .\nRUN npx tsc -p .\n', 3],
    ['dotnet publish', 'FROM mcr.microsoft.com/dotnet/sdk:8.0\nCOPY . .\nRUN dotnet publish -c Release\n', 3],
    ['gcc', 'FROM debian:12\nCOPY main.c .\nRUN gcc -O2 -o /usr/local/bin/app main.c\n', 3],
    ['javac', 'FROM eclipse-temurin:21\nCOPY Main.java .\nRUN javac Main.java\n', 3],
    ['the seed make', 'FROM ubuntu:15.04\nCOPY . /app\nRUN make /app\nCMD python /app/app.py\n', 3],
    ['only an SDK image', 'FROM golang:1.22\nCOPY app /app\nCMD ["/app"]\n', 1],
  ])('fires: %s in a single stage', async (_name, text, line) => {
    expect(await ruleHits(rule, text)).toEqual([line]);
  });

  test('fires: compilers installed and kept in a single-stage image that runs an application', async () => {
    expect(
      await ruleHits(
        rule,
        dockerfile`
      FROM python:3.12-slim
      WORKDIR /app
      RUN apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev && rm -rf /var/lib/apt/lists/*
      COPY requirements.txt .
      RUN pip install --no-cache-dir -r requirements.txt
      COPY . .
      CMD ["gunicorn", "app:app"]
    `,
      ),
    ).toEqual([3]);
    const [finding] = (
      await lintRule(rule, 'FROM ruby:3.3-slim\nRUN apt-get update && apt-get install -y build-essential\nCOPY . /app\nCMD ["rails", "server"]\n')
    ).filter((f) => f.ruleId === rule.meta.id);
    expect(finding.message).toContain('installs compilers (build-essential) on line 2 and keeps them');
  });
  ruleTester(rule, {
    valid: [
      {
        name: 'quiet: compilers kept by an image that packages nothing from the context but its own scripts',
        code: dockerfile`
      FROM debian:bookworm-slim
      ENV PHPIZE_DEPS autoconf dpkg-dev file g++ gcc libc-dev make pkg-config re2c
      RUN apt-get update && apt-get install -y --no-install-recommends $PHPIZE_DEPS ca-certificates curl && rm -rf /var/lib/apt/lists/*
      COPY docker-php-source /usr/local/bin/
      COPY docker-php-ext-* docker-php-entrypoint /usr/local/bin/
      ENTRYPOINT ["docker-php-entrypoint"]
      CMD ["php", "-a"]
    `,
      },
      {
        name: 'quiet: compilers purged in the same RUN, only -dev headers, or a toolbox image (no CMD, or a bare shell) (1)',
        code: dockerfile`
      FROM python:3.12-slim
      RUN apt-get update && apt-get install -y gcc && pip install --no-cache-dir uwsgi && apt-get purge -y --auto-remove gcc && rm -rf /var/lib/apt/lists/*
      RUN apt-get update && apt-get install -y --no-install-recommends libpq-dev && rm -rf /var/lib/apt/lists/*
      CMD ["uwsgi", "app.ini"]
    `,
      },
      {
        name: 'quiet: compilers purged in the same RUN, only -dev headers, or a toolbox image (no CMD, or a bare shell) (2)',
        code: 'FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y build-essential git vim\n',
      },
      {
        name: 'quiet: compilers purged in the same RUN, only -dev headers, or a toolbox image (no CMD, or a bare shell) (3)',
        code: 'FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y build-essential git\nCMD ["/bin/bash"]\n',
      },
      {
        name: 'quiet: multi-stage builds (the seed), runtime images, JRE images (1)',
        code: dockerfile`
      FROM gradle:7.6.1 AS build
      WORKDIR /src
      COPY . .
      RUN gradle bootJar
      FROM amazoncorretto:17-alpine-jre
      COPY --from=build /src/build/libs/*.jar app.jar
      ENTRYPOINT ["java", "-jar", "app.jar"]
    `,
      },
      {
        name: 'quiet: multi-stage builds (the seed), runtime images, JRE images (2)',
        code: 'FROM python:3.12-slim\nCOPY . .\nRUN pip install --no-cache-dir -r requirements.txt\n',
      },
      { name: 'quiet: multi-stage builds (the seed), runtime images, JRE images (3)', code: 'FROM eclipse-temurin:21-jre\nCOPY app.jar /app.jar\n' },
      {
        name: "quiet: one RUN installs the toolchain, builds and removes it again (the official images' single-stage pattern) (1)",
        code: dockerfile`
      FROM debian:bookworm-slim
      RUN set -eux; \\
        savedAptMark="$(apt-mark showmanual)"; \\
        apt-get update; \\
        apt-get install -y --no-install-recommends gcc make wget; \\
        wget -O src.tar.gz https://example.org/src.tar.gz; tar xzf src.tar.gz; cd src; \\
        ./configure; make -j "$(nproc)"; make install; cd /; rm -rf src src.tar.gz; \\
        apt-mark auto '.*' > /dev/null; apt-mark manual $savedAptMark; \\
        apt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false; \\
        rm -rf /var/lib/apt/lists/*
      CMD ["app"]
    `,
      },
      {
        name: "quiet: one RUN installs the toolchain, builds and removes it again (the official images' single-stage pattern) (2)",
        code: dockerfile`
      FROM alpine:3.22
      RUN apk add --no-cache --virtual .build-deps gcc make musl-dev \\
        && make -C /usr/src/app install \\
        && apk del --no-network .build-deps
    `,
      },
    ],
    invalid: [
      {
        name: 'fires: the toolchain is removed only in a later RUN, or was installed in an earlier one (its layer still ships it) (1)',
        code: dockerfile`
      FROM debian:bookworm-slim
      COPY . /src
      RUN apt-get update && apt-get install -y gcc make && make -C /src install
      RUN apt-get purge -y --auto-remove gcc make
    `,
        findings: [3],
      },
      {
        name: 'fires: the toolchain is removed only in a later RUN, or was installed in an earlier one (its layer still ships it) (2)',
        code: dockerfile`
      FROM debian:bookworm-slim
      COPY . /src
      RUN apt-get update && apt-get install -y gcc make
      RUN make -C /src install && apt-get purge -y --auto-remove gcc make
    `,
        findings: [4],
      },
      {
        name: 'fires: an SDK base image ships its SDK whatever a RUN removes',
        code: dockerfile`
      FROM golang:1.22
      COPY . .
      RUN apt-get update && apt-get install -y libfoo-dev && go build -o /app . && apt-get purge -y libfoo-dev
    `,
        findings: [1],
      },
    ],
  });

  test('the message shows the build-stage + runtime-stage shape', async () => {
    const [finding] = (await lintRule(rule, 'FROM gradle:7.6.1\nCOPY . .\nRUN gradle bootJar\n')).filter((f) => f.ruleId === rule.meta.id);
    expect(finding.message).toContain('FROM gradle:7.6.1 AS build');
    expect(finding.message).toContain('COPY --from=build');
  });
});

describe(`${rule}: images that are a toolchain by design`, () => {
  ruleTester(rule, {
    valid: [
      {
        name: 'quiet: a JDK image that runs javac --version and copies only its entrypoint script',
        code: dockerfile`
      FROM ubuntu:24.04
      RUN set -eux; wget -O /tmp/openjdk.tar.gz https://x.io/jdk.tar.gz; tar -xf /tmp/openjdk.tar.gz -C /opt/java; rm -f /tmp/openjdk.tar.gz
      RUN set -eux; javac --version; java --version
      COPY --chmod=755 entrypoint.sh /__cacert_entrypoint.sh
      ENTRYPOINT ["/__cacert_entrypoint.sh"]
      CMD ["jshell"]
    `,
      },
      {
        name: 'quiet: an SDK base image when nothing of the build context is packaged on it',
        code: dockerfile`
      FROM eclipse-temurin:17-jdk-jammy
      RUN curl -fL -o tomcat.tar.gz "$URL" && tar -xf tomcat.tar.gz --strip-components=1 && rm tomcat.tar.gz
      CMD ["catalina.sh", "run"]
    `,
      },
    ],
    invalid: [
      {
        name: 'still fires when an application from the context is put on the SDK image',
        code: dockerfile`
      FROM eclipse-temurin:17-jdk-jammy
      COPY target/app.jar /app.jar
      CMD ["java", "-jar", "/app.jar"]
    `,
        findings: [1],
      },
    ],
  });
});
