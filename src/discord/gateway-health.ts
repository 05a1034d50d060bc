import { type Client, Events } from 'discord.js';

/**
 * Whether every shard this client runs is connected to the gateway, from the client's own shard
 * events: down from a disconnect or a reconnect attempt until the shard is ready or resumed.
 * For /healthz, so a process manager restarts a bot that lost Discord for good.
 */
export const trackGateway = (client: Client): (() => boolean) => {
  const down = new Set<number>();
  let ready = false;
  client.once(Events.ClientReady, () => {
    ready = true;
  });
  const up = (shard: number) => down.delete(shard);
  client.on(Events.ShardReady, up);
  client.on(Events.ShardResume, up);
  client.on(Events.ShardDisconnect, (_event, shard) => down.add(shard));
  client.on(Events.ShardReconnecting, (shard) => down.add(shard));
  return () => ready && down.size === 0;
};
