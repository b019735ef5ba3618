// A three-node NATS cluster (Debian's nats-server) with JetStream and its MQTT listener, on
// loopback ports with its state in a temporary folder: the clustered broker the fleet test and
// bench run the link on. JetStream keeps MQTT sessions, QoS 1 messages and retained messages
// in replicated streams, so a client that loses its node resumes its session on another.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import mqtt from 'mqtt';
import { freePort, waitForPort } from './mosquitto.js';

export const NATS_SERVER = '/usr/sbin/nats-server';

interface Node {
  readonly name: string;
  readonly conf: string;
  readonly mqttPort: number;
  proc?: ChildProcess;
}

/** How long a node (or the cluster) may take to serve MQTT after it starts. */
const READY_TIMEOUT_MS = 30_000;
/** How long a node may take to exit on SIGTERM before it is killed. */
const STOP_TIMEOUT_MS = 10_000;

export class NatsCluster {
  private constructor(private readonly nodes: Node[]) {}

  /** Every node's MQTT URL, comma-separated: the broker setting of a link end (SPEC 1.5). */
  get url(): string {
    return this.urls.join(',');
  }

  get urls(): string[] {
    return this.nodes.map((n) => `mqtt://127.0.0.1:${n.mqttPort}`);
  }

  /**
   * `consumerReplicas`: how many nodes hold each MQTT subscription's JetStream consumer
   * (default: all). One per subscription is a raft group of its own at R3: a thousand readers'
   * four subscriptions each are 4,000 raft groups, which two cores cannot keep in quorum.
   */
  static async start(dir: string, size = 3, consumerReplicas = size): Promise<NatsCluster> {
    const ports = await Promise.all(
      Array.from({ length: size }, async () => ({
        client: await freePort(),
        route: await freePort(),
        mqtt: await freePort(),
      })),
    );
    const routes = ports.map((p) => `nats-route://127.0.0.1:${p.route}`).join(', ');
    const nodes = ports.map((p, i): Node => {
      const name = `n${i + 1}`;
      const store = join(dir, name);
      mkdirSync(store, { recursive: true });
      const conf = join(dir, `${name}.conf`);
      writeFileSync(
        conf,
        [
          `server_name: ${name}`,
          `listen: 127.0.0.1:${p.client}`,
          // File storage: sessions and retained messages survive a node's (or the cluster's) restart.
          `jetstream { store_dir: "${store}", max_memory_store: 64MB, max_file_store: 2GB }`,
          `cluster { name: fareader, listen: 127.0.0.1:${p.route}, routes: [${routes}] }`,
          // Replicas: every MQTT session, its messages and the retained messages on all nodes,
          // so any one node may die.
          `mqtt { listen: 127.0.0.1:${p.mqtt}, stream_replicas: ${size}, consumer_replicas: ${consumerReplicas} }`,
        ].join('\n'),
      );
      return { name, conf, mqttPort: p.mqtt };
    });
    const c = new NatsCluster(nodes);
    for (const n of nodes) c.spawn(n);
    await c.ready();
    return c;
  }

  private spawn(n: Node): void {
    // Each node's log beside its config: what a failed run is diagnosed from.
    n.proc = spawn(NATS_SERVER, ['-c', n.conf, '-l', n.conf.replace(/\.conf$/, '.log')], { stdio: 'ignore' });
  }

  /** Every running node accepts an MQTT session (JetStream has a leader and the MQTT streams). */
  async ready(): Promise<void> {
    await Promise.all(this.nodes.filter((n) => n.proc?.exitCode === null).map((n) => this.nodeReady(n)));
  }

  private async nodeReady(n: Node): Promise<void> {
    await waitForPort(n.mqttPort, READY_TIMEOUT_MS);
    const deadline = Date.now() + READY_TIMEOUT_MS;
    for (;;) {
      try {
        // allowRetries false: a connection closed before its CONNACK (a node still electing its
        // JetStream leader) rejects; by default connectAsync would wait for a reconnect that
        // reconnectPeriod 0 never makes, for ever.
        const c = await mqtt.connectAsync(
          `mqtt://127.0.0.1:${n.mqttPort}`,
          {
            clientId: `probe-${n.name}-${process.pid}`,
            clean: false,
            connectTimeout: 3000,
            reconnectPeriod: 0,
          },
          false,
        );
        await c.endAsync(true);
        return;
      } catch (e) {
        if (Date.now() > deadline)
          throw new Error(`NATS node ${n.name} serves no MQTT session after ${READY_TIMEOUT_MS} ms`, {
            cause: e,
          });
        await new Promise((r) => setTimeout(r, 250));
      }
    }
  }

  /** Kills node `i` at once (SIGKILL: no orderly handover). */
  async kill(i: number): Promise<void> {
    const p = this.nodes[i]!.proc;
    if (!p || p.exitCode !== null || p.signalCode !== null) return;
    p.kill('SIGKILL');
    await once(p, 'exit');
  }

  async restartNode(i: number): Promise<void> {
    this.spawn(this.nodes[i]!);
    await this.nodeReady(this.nodes[i]!);
  }

  /**
   * Stops every node: SIGTERM, and SIGKILL after STOP_TIMEOUT_MS (a node that lost its quorum
   * may wait on raft for a long time before it exits).
   */
  async stop(): Promise<void> {
    await Promise.all(
      this.nodes.map(async (n) => {
        const p = n.proc;
        if (!p || p.exitCode !== null || p.signalCode !== null) return;
        const exited = once(p, 'exit');
        p.kill('SIGTERM');
        const t = setTimeout(() => p.kill('SIGKILL'), STOP_TIMEOUT_MS);
        await exited;
        clearTimeout(t);
      }),
    );
  }

  /** The whole cluster stopped and started again on the same state. */
  async restart(): Promise<void> {
    await this.stop();
    for (const n of this.nodes) this.spawn(n);
    await this.ready();
  }
}
