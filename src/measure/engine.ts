/**
 * Connecting to a Docker engine through its API (dockerode, loaded only by `measure`).
 * DOCKER_HOST (unix://, tcp://, ssh://, with DOCKER_TLS_VERIFY/DOCKER_CERT_PATH) is honoured by
 * docker-modem; otherwise the default socket. Podman's Docker-compatible socket works the same way.
 */
import type Docker from 'dockerode';
import { UserError } from '../util/errors.js';

export function engineEndpoint(): string {
  return process.env.DOCKER_HOST || 'unix:///var/run/docker.sock';
}

export async function connectEngine(timeoutMs = 5000): Promise<Docker> {
  const { default: DockerClass } = await import('dockerode');
  // No API version: unversioned paths get the daemon's own (docker-modem does not negotiate).
  const docker = new DockerClass();
  try {
    await Promise.race([
      docker.ping(),
      new Promise((_, reject) => setTimeout(() => reject(new Error(`no answer within ${timeoutMs / 1000} s`)), timeoutMs).unref()),
    ]);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new UserError(
      `cannot reach a Docker engine at ${engineEndpoint()} (${reason}); start one (\`sudo systemctl start docker\`, or \`dockerd &\`) or point DOCKER_HOST at a running engine`,
    );
  }
  return docker;
}
