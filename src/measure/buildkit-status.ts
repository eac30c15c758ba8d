/**
 * BuildKit's progress, as the engine's build endpoint streams it under `version=2`: JSON lines
 * `{"id":"moby.buildkit.trace","aux":"<base64>"}` whose payload is a protobuf `StatusResponse`.
 * Decoded with protobufjs from the part of BuildKit's own message definitions we read
 * (api/services/control/control.proto in github.com/moby/buildkit, Apache-2.0; field numbers as
 * there; fields left out are skipped by the decoder).
 */
import protobuf from 'protobufjs';

const CONTROL_PROTO = `
syntax = "proto3";
package moby.buildkit.v1;

// google.protobuf.Timestamp, same field numbers.
message Timestamp { int64 seconds = 1; int32 nanos = 2; }

message StatusResponse {
  repeated Vertex vertexes = 1;
  repeated VertexStatus statuses = 2;
  repeated VertexLog logs = 3;
}
message Vertex {
  string digest = 1;
  repeated string inputs = 2;
  string name = 3;
  bool cached = 4;
  Timestamp started = 5;
  Timestamp completed = 6;
  string error = 7;
}
message VertexStatus {
  string ID = 1;
  string vertex = 2;
  string name = 3;
  int64 current = 4;
  int64 total = 5;
}
message VertexLog {
  string vertex = 1;
  Timestamp timestamp = 2;
  int64 stream = 3;
  bytes msg = 4;
}
`;

export interface VertexUpdate {
  digest: string;
  /** `[stage 2/5] RUN …`, `[internal] load build definition …`, `exporting to image`. */
  name: string;
  cached: boolean;
  /** Milliseconds since the epoch, when known. */
  started: number | null;
  completed: number | null;
  error: string;
}

export interface LogUpdate {
  vertex: string;
  text: string;
}

interface Timestamp {
  seconds: number | { toNumber(): number };
  nanos: number;
}

let statusType: protobuf.Type | null = null;

function milliseconds(time: Timestamp | null | undefined): number | null {
  if (!time) return null;
  const seconds = typeof time.seconds === 'number' ? time.seconds : time.seconds.toNumber();
  return seconds * 1000 + Math.floor((time.nanos ?? 0) / 1e6);
}

/** One `moby.buildkit.trace` payload: the vertices it updates and the output lines it carries. */
export function decodeStatus(base64: string): { vertexes: VertexUpdate[]; logs: LogUpdate[] } {
  statusType ??= protobuf.parse(CONTROL_PROTO).root.lookupType('moby.buildkit.v1.StatusResponse');
  const message = statusType.decode(Buffer.from(base64, 'base64')) as unknown as {
    vertexes: { digest: string; name: string; cached: boolean; started?: Timestamp; completed?: Timestamp; error: string }[];
    logs: { vertex: string; msg: Uint8Array }[];
  };
  return {
    vertexes: message.vertexes.map((vertex) => ({
      digest: vertex.digest,
      name: vertex.name,
      cached: vertex.cached,
      started: milliseconds(vertex.started),
      completed: milliseconds(vertex.completed),
      error: vertex.error,
    })),
    logs: message.logs.map((log) => ({ vertex: log.vertex, text: Buffer.from(log.msg).toString('utf8') })),
  };
}
