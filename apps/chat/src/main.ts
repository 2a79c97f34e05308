import 'reflect-metadata';
import { runApplication } from '@app/common';
import { RealtimeIoAdapter } from '@app/realtime';
import { ChatNodeModule } from './chat-node.module';

void runApplication({
  name: 'chat',
  module: () => ChatNodeModule,
  configure: (app, config) => app.useWebSocketAdapter(new RealtimeIoAdapter(app, config.chat, config.redis)),
  afterListen: (_app, config, url) => {
    process.stdout.write(`Counterpart chat node listening at ${url}${config.chat.path}\n`);
    return Promise.resolve();
  },
});
