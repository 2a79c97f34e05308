import { IsBoolean, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { BooleanEnv, defineNamespace, ListEnv } from './env';
import { DEFAULT_PORT } from './server.config';

class ChatEnv {
  @IsOptional()
  @BooleanEnv()
  @IsBoolean()
  CHAT_EMBEDDED?: boolean;

  @IsOptional()
  @ListEnv()
  @Matches(/^https?:\/\/[^/\s]+$/, {
    each: true,
    message:
      'CHAT_ALLOWED_ORIGINS must be a comma-separated list of origins like https://counterpart.example.org',
  })
  CHAT_ALLOWED_ORIGINS?: string[];

  @IsOptional()
  @IsInt()
  @Min(1024)
  @Max(10_485_760)
  CHAT_MAX_HTTP_BUFFER_SIZE?: number;

  @IsOptional()
  @IsInt()
  @Min(256)
  @Max(10_485_760)
  CHAT_MAX_ENVELOPE_BYTES?: number;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(60_000)
  CHAT_TYPING_INTERVAL_MS?: number;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10_000)
  CHAT_RATE_LIMIT_MESSAGES?: number;

  @IsOptional()
  @IsInt()
  @Min(100)
  @Max(3_600_000)
  CHAT_RATE_LIMIT_WINDOW_MS?: number;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT?: number;
}

export interface ChatConfig {
  /** Mount the Socket.IO gateway inside the API process (the one-process default). */
  embedded: boolean;
  path: string;
  /** Browser origins allowed to open a socket: the server's own origins on PORT plus CHAT_ALLOWED_ORIGINS. */
  allowedOrigins: string[];
  maxHttpBufferSize: number;
  /** Largest message envelope (JSON bytes); below the socket frame limit so a refusal can be acknowledged. */
  maxEnvelopeBytes: number;
  /** At most one `typing` per conversation per socket in this interval is passed on. */
  typingIntervalMs: number;
  rateLimit: { messages: number; windowMs: number };
}

export const chatConfig = defineNamespace('chat', ChatEnv, (vars): ChatConfig => {
  const port = vars.PORT ?? DEFAULT_PORT;
  const own = [`http://localhost:${port}`, `http://127.0.0.1:${port}`];
  return {
    embedded: vars.CHAT_EMBEDDED ?? true,
    path: '/socket.io',
    allowedOrigins: [...new Set([...own, ...(vars.CHAT_ALLOWED_ORIGINS ?? [])])],
    maxHttpBufferSize: vars.CHAT_MAX_HTTP_BUFFER_SIZE ?? 65_536,
    maxEnvelopeBytes: vars.CHAT_MAX_ENVELOPE_BYTES ?? 60_000,
    typingIntervalMs: vars.CHAT_TYPING_INTERVAL_MS ?? 1_000,
    rateLimit: {
      messages: vars.CHAT_RATE_LIMIT_MESSAGES ?? 20,
      windowMs: vars.CHAT_RATE_LIMIT_WINDOW_MS ?? 10_000,
    },
  };
});
