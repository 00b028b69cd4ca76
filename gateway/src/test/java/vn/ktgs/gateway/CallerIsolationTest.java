package vn.ktgs.gateway;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A caller who goes away, at any point of its exchange, must not affect the requests of other callers. */
@QuarkusTest
@WithTestResource(GatewayTestResource.class)
class CallerIsolationTest {
    private static final int KB = 1024;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void callersWhoVanishMidAnswerDoNotBreakOtherCallersRequests() throws Exception {
        // Such a caller may still be owed part of an answer that the gateway has read whole from the service, whose
        // connection is then back in the pool, serving another caller. Where an unread answer stalls depends on
        // socket buffer sizes, so the callers ask for answers of many sizes.
        String bearer = Fixtures.bearer();
        List<Socket> quitters = new ArrayList<>();
        List<CompletableFuture<HttpResponse<String>>> others = new ArrayList<>();
        try {
            for (int size = 64 * KB; size <= 4608 * KB; size += 64 * KB) {
                quitters.add(send("GET /api/v1/plans/big HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + bearer
                        + "\r\nX-Stub-Size: " + size + "\r\n\r\n"));
            }
            awaitAnswersSettled(); // each answer has flowed as far as the buffers let it
            // More requests than there are idle pooled connections, so that every one of those is taken.
            int before = Fixtures.stats().completed();
            for (int i = 0; i < 100; i++) {
                others.add(HTTP.sendAsync(slowRequest(bearer, i), HttpResponse.BodyHandlers.ofString()));
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(1).toNanos();
            while (Fixtures.stats().completed() - before < 60 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        } finally {
            for (Socket quitter : quitters) {
                vanish(quitter);
            }
        }
        assertAllAnswered(others);
    }

    @Test
    void aCallerWhoVanishesMidUploadDoesNotBreakAnotherCallersRequest() throws Exception {
        String bearer = Fixtures.bearer();
        EchoServer.Stats before = Fixtures.stats();
        Socket quitter = send("PUT /api/v1/plans/7/attachment HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + bearer
                + "\r\nContent-Type: application/octet-stream\r\nContent-Length: " + 1024 * KB + "\r\n\r\n");
        quitter.getOutputStream().write(new byte[64 * KB]);
        quitter.getOutputStream().flush();
        CompletableFuture<HttpResponse<String>> other = HTTP.sendAsync(slowRequest(bearer, 1), HttpResponse.BodyHandlers.ofString());
        Thread.sleep(300); // both are with the service
        vanish(quitter);
        assertAllAnswered(List.of(other));
        // The service saw the cut-off upload end as such, never as a whole request.
        long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        while (Fixtures.stats().aborted() == before.aborted() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        EchoServer.Stats after = Fixtures.stats();
        assertEquals(before.aborted() + 1, after.aborted());
        assertEquals(before.completed() + 1, after.completed());
    }

    @Test
    void aCallerWhoVanishesBeforeTheAnswerDoesNotBreakOtherCallersRequests() throws Exception {
        String bearer = Fixtures.bearer();
        Socket quitter = send("GET /api/v1/plans/1 HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + bearer
                + "\r\nX-Stub-Delay-Ms: 500\r\n\r\n");
        Thread.sleep(200);
        vanish(quitter);
        List<CompletableFuture<HttpResponse<String>>> others = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            others.add(HTTP.sendAsync(slowRequest(bearer, i), HttpResponse.BodyHandlers.ofString()));
        }
        assertAllAnswered(others);
    }

    @Test
    void anAnswerThatHasEndedLeavesNothingBehindThatBreaksTheNextRequestOnItsConnection() throws Exception {
        // The gateway watches each answer for a stall until it ends (the timeout is 2 s here). By then its pooled
        // connection may serve another request, which must outlive that watch unharmed.
        String bearer = Fixtures.bearer();
        List<CompletableFuture<HttpResponse<String>>> first = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            first.add(HTTP.sendAsync(HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port
                    + "/api/v1/plans/" + i)).header("Authorization", bearer).build(), HttpResponse.BodyHandlers.ofString()));
        }
        assertAllAnswered(first);
        Thread.sleep(600);
        List<CompletableFuture<HttpResponse<String>>> next = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            next.add(HTTP.sendAsync(slowRequest(bearer, i), HttpResponse.BodyHandlers.ofString())); // past the 2 s
        }
        assertAllAnswered(next);
    }

    private static HttpRequest slowRequest(String bearer, int id) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + "/api/v1/plans/" + id))
                .header("Authorization", bearer)
                .header("X-Stub-Delay-Ms", "1500")
                .build();
    }

    private static void assertAllAnswered(List<CompletableFuture<HttpResponse<String>>> requests) throws Exception {
        for (CompletableFuture<HttpResponse<String>> request : requests) {
            HttpResponse<String> answer = request.get(30, TimeUnit.SECONDS);
            assertEquals(200, answer.statusCode(), answer.body());
            assertEquals(answer.request().uri().getPath(), answer.headers().firstValue("X-Echo-Uri").orElseThrow());
        }
    }

    /** Waits until the echo server has written no further answer for half a second (at most ten seconds). */
    private static void awaitAnswersSettled() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        int last = -1;
        int now = Fixtures.stats().answered();
        while (now != last && System.nanoTime() < deadline) {
            Thread.sleep(500);
            last = now;
            now = Fixtures.stats().answered();
        }
    }

    /** A raw connection with a small receive buffer that sends the given bytes and then reads nothing. */
    private static Socket send(String head) throws IOException {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(4 * KB);
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), RestAssured.port));
        OutputStream out = socket.getOutputStream();
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        return socket;
    }

    /** Gone at once, with a reset, the way a killed client or a dropped network goes. */
    private static void vanish(Socket socket) throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }
}
