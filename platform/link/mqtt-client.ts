// The seam between a link end and the broker: link ends take a factory and never call
// mqtt.connect themselves, so a composition root chooses the real client, and the kit's
// misbehaving appliance can decorate it (a client that connects without a Will).
import mqtt, { type IClientOptions, type MqttClient } from 'mqtt';

export type MqttClientFactory = (url: string, options: IClientOptions) => MqttClient;

/** The real MQTT.js client; passed in by composition roots (readerd, the CLIs, tests). */
export const connectMqtt: MqttClientFactory = (url, options) => {
  const client = mqtt.connect(url, options);
  // With several broker URLs MQTT.js picks the next host on each reconnection, but its TLS
  // builder sets `servername` from the host only when none is set, so every later node would be
  // checked against the first node's name. Cleared here, before the next host is chosen, each
  // node is checked against its own host (an IP host gets none: Node checks the IP).
  if (options.servers !== undefined && options.servername === undefined) {
    client.on('reconnect', () => {
      delete client.options.servername;
    });
  }
  return client;
};
