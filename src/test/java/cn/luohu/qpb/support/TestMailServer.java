package cn.luohu.qpb.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import java.util.Arrays;
import java.util.List;

/**
 * One real SMTP server (GreenMail) in this JVM for the whole suite, on a free port, started when the
 * shared Spring context is made ({@link IntegrationTest} points {@code spring.mail.*} at it). Tests tell
 * their messages apart by the recipient: give each test user an address of his own.
 */
public final class TestMailServer {

    private static GreenMail server;

    private TestMailServer() {
    }

    /** The server's port, starting it on first use. */
    public static synchronized int port() {
        if (server == null) {
            server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "greenmail-stop"));
        }
        return server.getSmtp().getPort();
    }

    /** Every message received so far for this address. */
    public static synchronized List<MimeMessage> receivedBy(String address) {
        if (server == null) {
            return List.of();
        }
        return Arrays.stream(server.getReceivedMessages()).filter(message -> isFor(message, address)).toList();
    }

    private static boolean isFor(MimeMessage message, String address) {
        try {
            Address[] recipients = message.getAllRecipients();
            return recipients != null && Arrays.stream(recipients).anyMatch(r -> r.toString().equalsIgnoreCase(address));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
