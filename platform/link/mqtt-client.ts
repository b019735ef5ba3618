// The seam between a link end and the broker: link ends take a factory and never call
// mqtt.connect themselves, so a composition root chooses the real client, and the kit's
// misbehaving appliance can decorate it (a client that connects without a Will).
import mqtt, { type IClientOptions, type MqttClient } from 'mqtt';

export type MqttClientFactory = (url: string, options: IClientOptions) => MqttClient;

/** The real MQTT.js client; passed in by composition roots (readerd, the CLIs, tests). */
export const connectMqtt: MqttClientFactory = (url, options) => mqtt.connect(url, options);
