package com.channelrouter.support;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/** Real HTTP calls to the running service, with the API key and JSON handled. */
public final class TestHttp {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private final String baseUrl;

    public TestHttp(int port) {
        this.baseUrl = "http://localhost:" + port;
    }

    /** A response: status, headers and the body parsed as JSON (null when empty). */
    public record Response(int status, HttpResponse<String> raw, JsonNode body) {
        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public String contentType() {
            return header("Content-Type");
        }
    }

    public Response post(String path, String apiKey, Object body) {
        return post(path, apiKey, body, Map.of());
    }

    public Response post(String path, String apiKey, Object body, Map<String, String> headers) {
        String text = body instanceof String s ? s : JSON.writeValueAsString(body);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", headers.getOrDefault("Content-Type", "application/json"))
                .POST(HttpRequest.BodyPublishers.ofString(text));
        headers.forEach((name, value) -> {
            if (!name.equals("Content-Type")) {
                request.header(name, value);
            }
        });
        if (apiKey != null) {
            request.header("X-API-Key", apiKey);
        }
        return send(request.build());
    }

    /** A POST of a raw body of the given type, answered as text (for NDJSON streams). */
    public String postRaw(String path, String apiKey, String contentType, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Content-Type", contentType)
                .header("X-API-Key", apiKey).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A POST of these exact bytes with this Content-Type (none when null), answered as a {@link Response}. */
    public Response postBytes(String path, String apiKey, String contentType, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (apiKey != null) {
            request.header("X-API-Key", apiKey);
        }
        return send(request.build());
    }

    /** A multipart/form-data POST with one file part and optional text parts. */
    public Response upload(String path, String apiKey, String part, String fileName, byte[] content, Map<String, String> fields,
                           Map<String, String> headers) {
        String boundary = "----channel-router-test-" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        java.nio.charset.Charset utf8 = java.nio.charset.StandardCharsets.UTF_8;
        fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
                + "\"\r\n\r\n" + value + "\r\n").getBytes(utf8)));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(utf8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(utf8));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        headers.forEach(request::header);
        if (apiKey != null) {
            request.header("X-API-Key", apiKey);
        }
        return send(request.build());
    }

    /** The raw bytes of a GET, for downloads. */
    public byte[] download(String path, String apiKey) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path)).header("X-API-Key", apiKey).GET().build();
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray()).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Response get(String path, String apiKey) {
        return get(path, apiKey, Map.of());
    }

    public Response get(String path, String apiKey, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).GET();
        headers.forEach(request::header);
        if (apiKey != null) {
            request.header("X-API-Key", apiKey);
        }
        return send(request.build());
    }

    private static Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            JsonNode body = text == null || text.isBlank() || !looksLikeJson(text) ? null : JSON.readTree(text);
            return new Response(response.statusCode(), response, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean looksLikeJson(String text) {
        char first = text.stripLeading().charAt(0);
        return first == '{' || first == '[';
    }

    /** The demo key of a source or channel code: dev- and the code in lower case with '-' for '_'. */
    public static String demoKey(String code) {
        return "dev-" + code.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
