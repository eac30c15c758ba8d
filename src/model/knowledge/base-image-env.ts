/**
 * Variables that official images set with ENV, where they decide where a tool writes: the golang
 * image's GOPATH=/go puts the module cache in /go/pkg/mod, not ~/go/pkg/mod, and the rust image's
 * CARGO_HOME=/usr/local/cargo the registry in /usr/local/cargo/registry. Without them a cache mount
 * on the right path (`--mount=type=cache,target=/go/pkg/mod`) would not be recognised. Taken from
 * the images' Dockerfiles (docker-library/golang, rust, ruby).
 */
import { own } from '../../util/own.js';

const OFFICIAL_IMAGE_ENV: Record<string, Record<string, string>> = {
  golang: { GOPATH: '/go' },
  rust: { CARGO_HOME: '/usr/local/cargo', RUSTUP_HOME: '/usr/local/rustup' },
  ruby: { GEM_HOME: '/usr/local/bundle', BUNDLE_APP_CONFIG: '/usr/local/bundle' },
};

/** The ENV an image sets, as far as known: official images by name (`golang`, `docker.io/library/golang`). */
export function baseImageEnv(imageName: string): Record<string, string> {
  const official = imageName.replace(/^(docker\.io\/|index\.docker\.io\/)?(library\/)?/, '');
  return own(OFFICIAL_IMAGE_ENV, official) ?? {};
}

/**
 * Official images that set no WORKDIR, so a relative COPY destination lands in `/` (from their
 * Dockerfiles in docker-library and the distributions' own). Images that do set one (php:
 * /var/www/html, golang: /go, tomcat: /usr/local/tomcat) and images of other publishers, which often set
 * a WORKDIR of their own on purpose (searxng/base), are not listed: a relative COPY into them is their
 * intended use.
 */
const NO_WORKDIR_IMAGES = new Set([
  'scratch',
  'busybox',
  'alpine',
  'debian',
  'ubuntu',
  'centos',
  'fedora',
  'rockylinux',
  'almalinux',
  'amazonlinux',
  'oraclelinux',
  'archlinux',
  'opensuse/leap',
  'buildpack-deps',
  'python',
  'pypy',
  'node',
  'ruby',
  'rust',
  'perl',
  'openjdk',
  'eclipse-temurin',
  'amazoncorretto',
  'ibm-semeru-runtimes',
  'gcc',
  'erlang',
  'elixir',
  'haskell',
  'swift',
  'nginx',
  'postgres',
  'mysql',
  'mariadb',
  'mongo',
]);

/** Does this image (a FROM image name, without tag) start its users in `/`, with no WORKDIR of its own? */
export function startsInRoot(imageName: string): boolean {
  return NO_WORKDIR_IMAGES.has(imageName.replace(/^(docker\.io\/|index\.docker\.io\/)?(library\/)?/, '').toLowerCase());
}
