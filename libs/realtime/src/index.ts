export * from './chat.gateway';
export * from './handshake';
export * from './realtime-io.adapter';
export * from './realtime.events';
export * from './realtime.module';
export * from './cluster/cluster-bridge';
export * from './cluster/cluster.module';
export * from './metrics/chat-metrics';
