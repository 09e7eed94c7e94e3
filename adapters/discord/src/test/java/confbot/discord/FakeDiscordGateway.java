package confbot.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.Deflater;

/**
 * A Discord gateway on 127.0.0.1 that is just enough for real JDA: an RFC 6455 WebSocket server
 * (one connection at a time) speaking JSON over a zlib stream, as Discord does by default. It
 * sends HELLO on connect, READY on IDENTIFY, acknowledges heartbeats, and lets a test dispatch
 * events such as INTERACTION_CREATE.
 *
 * <p>Like Discord it keeps the session's events: a test can {@link #drop()} the connection (no
 * close frame, as when a network path dies), dispatch while the client is away, and the client's
 * RESUME then gets every event after the sequence number it names, followed by RESUMED.
 */
final class FakeDiscordGateway implements AutoCloseable {

    static final String SELF_ID = "100";
    private static final String WEBSOCKET_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    private final ObjectMapper json = new ObjectMapper();
    private final ServerSocket server;
    private final Thread acceptor;
    private final List<JsonNode> received = new CopyOnWriteArrayList<>();
    private final List<String> upgradeRequests = new CopyOnWriteArrayList<>();
    /** Every dispatch of the session, in order: Discord's replay buffer. */
    private final List<Dispatch> history = new ArrayList<>();

    private int sequence;
    private volatile int replayOverlap;
    private volatile Connection connection;
    private volatile int disallowedIntents;

    FakeDiscordGateway() throws IOException {
        server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::acceptLoop, "fake-gateway-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String url() {
        return "ws://127.0.0.1:" + server.getLocalPort() + "/";
    }

    /** Every payload JDA sent (IDENTIFY, heartbeats…), parsed. */
    List<JsonNode> received() {
        return received;
    }

    /** The HTTP request lines of the upgrades, e.g. {@code GET /?encoding=json&v=10&compress=zlib-stream}. */
    List<String> upgradeRequests() {
        return upgradeRequests;
    }

    private record Dispatch(int sequence, String payload) {}

    /**
     * Sends a dispatch (op 0) to the client when it is connected and identified or resumed, and
     * keeps it for a RESUME either way.
     */
    void dispatch(String type, String data) throws IOException {
        synchronized (history) {
            int s = ++sequence;
            Dispatch dispatch = new Dispatch(s, "{\"op\":0,\"s\":" + s + ",\"t\":\"" + type + "\",\"d\":" + data + "}");
            history.add(dispatch);
            Connection current = connection;
            if (current != null && current.ready) {
                current.send(dispatch.payload());
            }
        }
    }

    /** Cuts the connection without a close frame, as a dead network path or a crashed proxy does. */
    void drop() throws IOException {
        Connection current = connection;
        if (current != null) {
            current.ready = false;
            current.socket.close();
        }
    }

    /**
     * On RESUME, also replay this many events the client had already acknowledged by sequence
     * number: Discord promises at-least-once, and a client must survive seeing an event twice.
     */
    void replayOverlap(int events) {
        replayOverlap = events;
    }

    /** How many connections the client opened (1 until a reconnect). */
    int connections() {
        return upgradeRequests.size();
    }

    /** Closes with 4014, as Discord does when a privileged intent is not enabled in the portal. */
    void disallowIntents(int intents) {
        disallowedIntents = intents;
    }

    boolean isConnected() {
        return connection != null && !connection.socket.isClosed();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Connection accepted = new Connection(socket);
                connection = accepted;
                Thread reader = new Thread(accepted::run, "fake-gateway-connection");
                reader.setDaemon(true);
                reader.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        Connection current = connection;
        if (current != null) {
            current.socket.close();
        }
    }

    private final class Connection {
        private final Socket socket;
        private final Deflater deflater = new Deflater();
        /** IDENTIFY or RESUME done: dispatches go out live. */
        private volatile boolean ready;

        Connection(Socket socket) {
            this.socket = socket;
        }

        void run() {
            try (socket) {
                DataInputStream in = new DataInputStream(socket.getInputStream());
                handshake(in, socket.getOutputStream());
                send("{\"op\":10,\"d\":{\"heartbeat_interval\":41250}}");
                ByteArrayOutputStream message = new ByteArrayOutputStream();
                while (true) {
                    int first = in.read();
                    if (first < 0) {
                        return;
                    }
                    boolean fin = (first & 0x80) != 0;
                    int opcode = first & 0x0F;
                    byte[] payload = readPayload(in);
                    if (opcode == 0x8) { // close: echo and end
                        sendFrame(0x8, payload);
                        return;
                    }
                    if (opcode == 0x9) {
                        sendFrame(0xA, payload);
                        continue;
                    }
                    message.write(payload);
                    if (fin && (opcode == 0x1 || opcode == 0x0)) {
                        onPayload(json.readTree(message.toByteArray()));
                        message.reset();
                    }
                }
            } catch (IOException e) {
                // the client went away, or the test closed the fake
            }
        }

        private void onPayload(JsonNode payload) throws IOException {
            received.add(payload);
            switch (payload.path("op").asInt(-1)) {
                case 1 -> send("{\"op\":11}");
                case 2 -> {
                    if ((payload.at("/d/intents").asInt() & disallowedIntents) != 0) {
                        byte[] reason = "Disallowed intent(s).".getBytes(StandardCharsets.UTF_8);
                        byte[] close = new byte[reason.length + 2];
                        close[0] = (byte) (4014 >> 8);
                        close[1] = (byte) (4014 & 0xFF);
                        System.arraycopy(reason, 0, close, 2, reason.length);
                        sendFrame(0x8, close);
                        socket.close();
                        return;
                    }
                    identified();
                }
                case 6 -> resumed(payload.at("/d/seq").asInt());
                default -> {}
            }
        }

        private void resumed(int seen) throws IOException {
            synchronized (history) {
                for (Dispatch dispatch : history) {
                    if (dispatch.sequence() > seen - replayOverlap) {
                        send(dispatch.payload());
                    }
                }
                send("{\"op\":0,\"s\":" + sequence + ",\"t\":\"RESUMED\",\"d\":{}}");
                ready = true;
            }
        }

        private void identified() throws IOException {
            synchronized (history) {
                history.clear(); // a new session
                sequence = 0;
                sendReady();
                ready = true;
            }
        }

        private void sendReady() throws IOException {
            send("{\"op\":0,\"s\":" + ++sequence + ",\"t\":\"READY\",\"d\":{"
                    + "\"v\":10,\"session_id\":\"session-1\",\"resume_gateway_url\":\"" + url() + "\","
                    + "\"user\":{\"id\":\"" + SELF_ID + "\",\"username\":\"confbot\",\"discriminator\":\"0\","
                    + "\"bot\":true},\"guilds\":[],\"private_channels\":[],"
                    + "\"application\":{\"id\":\"" + SELF_ID + "\",\"flags\":0}}}");
        }

        private void handshake(DataInputStream in, OutputStream out) throws IOException {
            StringBuilder head = new StringBuilder();
            while (!head.toString().endsWith("\r\n\r\n")) {
                int c = in.read();
                if (c < 0) {
                    throw new IOException("closed during handshake");
                }
                head.append((char) c);
            }
            String[] lines = head.toString().split("\r\n");
            upgradeRequests.add(lines[0]);
            String key = "";
            for (String line : lines) {
                if (line.toLowerCase().startsWith("sec-websocket-key:")) {
                    key = line.substring(line.indexOf(':') + 1).strip();
                }
            }
            String accept = Base64.getEncoder().encodeToString(sha1(key + WEBSOCKET_GUID));
            out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                            + "Sec-WebSocket-Accept: " + accept + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }

        private byte[] readPayload(DataInputStream in) throws IOException {
            int second = in.readUnsignedByte();
            boolean masked = (second & 0x80) != 0;
            long length = second & 0x7F;
            if (length == 126) {
                length = in.readUnsignedShort();
            } else if (length == 127) {
                length = in.readLong();
            }
            byte[] mask = new byte[4];
            if (masked) {
                in.readFully(mask);
            }
            byte[] payload = new byte[Math.toIntExact(length)];
            in.readFully(payload);
            if (masked) {
                for (int i = 0; i < payload.length; i++) {
                    payload[i] ^= mask[i % 4];
                }
            }
            return payload;
        }

        /** One JSON payload, compressed as part of the connection's zlib stream (ends in 00 00 FF FF). */
        synchronized void send(String text) throws IOException {
            deflater.setInput(text.getBytes(StandardCharsets.UTF_8));
            ByteArrayOutputStream compressed = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int n;
            do {
                n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
                compressed.write(buffer, 0, n);
            } while (n == buffer.length);
            sendFrame(0x2, compressed.toByteArray());
        }

        private synchronized void sendFrame(int opcode, byte[] payload) throws IOException {
            OutputStream out = socket.getOutputStream();
            out.write(0x80 | opcode);
            if (payload.length < 126) {
                out.write(payload.length);
            } else if (payload.length <= 0xFFFF) {
                out.write(126);
                out.write(payload.length >>> 8);
                out.write(payload.length & 0xFF);
            } else {
                out.write(127);
                for (int shift = 56; shift >= 0; shift -= 8) {
                    out.write((int) ((long) payload.length >>> shift) & 0xFF);
                }
            }
            out.write(payload);
            out.flush();
        }
    }

    private static byte[] sha1(String text) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
