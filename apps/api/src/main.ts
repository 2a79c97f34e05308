import 'reflect-metadata';
import { runApplication } from '@app/common';
import type { AppConfig } from '@app/config';
import { DEMO_PASSWORD, DemoSeedService } from '@app/database/seed';
import { MemberStatus, SessionRetentionService } from '@app/identity';
import { RealtimeIoAdapter } from '@app/realtime';
import type { INestApplication } from '@nestjs/common';
import { AppModule } from './app.module';

async function welcome(app: INestApplication, config: AppConfig, url: string): Promise<void> {
  const lines = [
    '',
    `Counterpart is running at ${url}`,
    `  GraphQL  ${url}/graphql`,
    `  Health   ${url}/health`,
    config.chat.embedded
      ? `  Chat     ${url.replace('http', 'ws')}${config.chat.path}`
      : '  Chat     (standalone chat nodes)',
    config.database.dialect === 'sqlite'
      ? `  Database SQLite ${config.database.sqlitePath}`
      : '  Database PostgreSQL',
  ];
  if (!config.server.isProduction) {
    const logins = await app.get(DemoSeedService).demoLogins();
    if (logins.length > 0) {
      lines.push('', `Demo logins (password for all: ${DEMO_PASSWORD}) — development only:`);
      for (const login of logins) {
        const what = `${login.role.toLowerCase()}${login.status === MemberStatus.VETTED ? '' : `, ${login.status.toLowerCase()}`}`;
        lines.push(`  ${login.email.padEnd(50)} ${what}${login.country ? ` (${login.country})` : ''}`);
      }
    }
  }
  lines.push('', 'Press Ctrl-C to stop.', '');
  process.stdout.write(lines.join('\n'));
}

void runApplication({
  name: 'api',
  module: (config) => AppModule.register({ chatEmbedded: config.chat.embedded }),
  configure: (app, config) => app.useWebSocketAdapter(new RealtimeIoAdapter(app, config.chat, config.redis)),
  afterListen: async (app, config, url) => {
    app.get(SessionRetentionService).schedule();
    await welcome(app, config, url);
  },
});
