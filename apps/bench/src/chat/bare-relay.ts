import { createServer } from 'node:http';
import { Server } from 'socket.io';

/**
 * The baseline of `bench:chat`: a bare socket.io 4.8 relay — no authentication, no validation, no persistence. A
 * client joins its room from the handshake; `message:send` is broadcast to the room as `message:new` and acknowledged.
 */
const http = createServer();
const io = new Server(http, { path: '/socket.io', serveClient: false, maxHttpBufferSize: 65_536 });
let seq = 0;

io.on('connection', (socket) => {
  const room = String(socket.handshake.auth.room ?? '');
  void socket.join(room);
  socket.on(
    'message:send',
    (
      payload: { conversationId: string; clientMessageId: string; envelope: unknown },
      ack?: (response: object) => void,
    ) => {
      seq += 1;
      const sentAt = new Date().toISOString();
      io.to(room).emit('message:new', {
        conversationId: payload.conversationId,
        seq,
        clientMessageId: payload.clientMessageId,
        envelope: payload.envelope,
        sentAt,
      });
      ack?.({ ok: true, seq, sentAt });
    },
  );
});

http.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const address = http.address();
  process.stdout.write(
    `bare relay listening on ${typeof address === 'object' && address ? address.port : ''}\n`,
  );
});
process.on('SIGTERM', () => {
  void io.close();
  http.close(() => process.exit(0));
});
