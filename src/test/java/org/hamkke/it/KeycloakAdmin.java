package org.hamkke.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.hamkke.devstack.Keycloak;

/** Keycloak's admin REST API, as an operator would use it: create, disable, sign out users. */
final class KeycloakAdmin {

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base = TestStack.keycloakUrl();
    private final String token;

    KeycloakAdmin() throws Exception {
        String form = "grant_type=password&client_id=admin-cli&username=" + Keycloak.ADMIN_USER + "&password="
                + Keycloak.ADMIN_PASSWORD;
        JsonObject response = json(send(HttpRequest.newBuilder(URI.create(base + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))));
        token = response.getString("access_token");
    }

    /** A new user of the hamkke realm with the default role (applicant); returns its id. */
    String createUser(String username, String password) throws Exception {
        return createUser(username, password, "en");
    }

    /** The address a user made here has: {@code <username>@test.hamkke.org}. */
    static String emailOf(String username) {
        return username + "@test.hamkke.org";
    }

    /** As {@link #createUser(String, String)}, with the profile language set (Keycloak's locale attribute). */
    String createUser(String username, String password, String locale) throws Exception {
        String body = Json.createObjectBuilder()
                .add("attributes", Json.createObjectBuilder().add("locale", Json.createArrayBuilder().add(locale)))
                .add("username", username)
                .add("enabled", true)
                .add("email", username + "@test.hamkke.org")
                .add("emailVerified", true)
                .add("firstName", "Test")
                .add("lastName", username)
                .add("credentials", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("type", "password").add("value", password).add("temporary", false)))
                .build()
                .toString();
        send(admin("/users").header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
        return userId(username);
    }

    static String randomUsername() {
        return "it-" + UUID.randomUUID().toString().substring(0, 8);
    }

    String userId(String username) throws Exception {
        JsonArray users = Json.createReader(new StringReader(send(admin("/users?exact=true&username="
                        + URLEncoder.encode(username, StandardCharsets.UTF_8)).GET())))
                .readArray();
        return users.getJsonObject(0).getString("id");
    }

    boolean exists(String username) throws Exception {
        return !Json.createReader(new StringReader(send(admin("/users?exact=true&username="
                        + URLEncoder.encode(username, StandardCharsets.UTF_8)).GET())))
                .readArray()
                .isEmpty();
    }

    /** Grants a realm role, as staff would in Keycloak's admin console. */
    void grantRealmRole(String userId, String role) throws Exception {
        String representation = send(admin("/roles/" + role).GET());
        send(admin("/users/" + userId + "/role-mappings/realm").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("[" + representation + "]")));
    }

    void signOutEverywhere(String userId) throws Exception {
        send(admin("/users/" + userId + "/logout").POST(HttpRequest.BodyPublishers.noBody()));
    }

    void setEnabled(String userId, boolean enabled) throws Exception {
        send(admin("/users/" + userId).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"enabled\":" + enabled + "}")));
    }

    void deleteUser(String userId) throws Exception {
        send(admin("/users/" + userId).DELETE());
    }

    int sessionCount(String userId) throws Exception {
        return Json.createReader(new StringReader(send(admin("/users/" + userId + "/sessions").GET())))
                .readArray()
                .size();
    }

    /** Sets (or, with null, removes) an attribute of the portal's client, e.g. access.token.lifespan. */
    void setPortalClientAttribute(String name, String value) throws Exception {
        JsonObject client = Json.createReader(new StringReader(send(admin("/clients?clientId=hamkke-portal").GET())))
                .readArray()
                .getJsonObject(0);
        var attributes = Json.createObjectBuilder(client.getJsonObject("attributes"));
        if (value == null) {
            attributes.remove(name);
        } else {
            attributes.add(name, value);
        }
        String body = Json.createObjectBuilder(client).add("attributes", attributes).build().toString();
        send(admin("/clients/" + client.getString("id")).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Lets the portal's client also send people back to another portal address (a second instance). */
    void allowPortalAddress(String portalUrl) throws Exception {
        JsonObject client = Json.createReader(new StringReader(send(admin("/clients?clientId=hamkke-portal").GET())))
                .readArray()
                .getJsonObject(0);
        var redirects = Json.createArrayBuilder(client.getJsonArray("redirectUris")).add(portalUrl + "/callback");
        var attributes = Json.createObjectBuilder(client.getJsonObject("attributes"));
        String logout = client.getJsonObject("attributes").getString("post.logout.redirect.uris", "");
        attributes.add("post.logout.redirect.uris", logout.isEmpty() ? portalUrl + "/" : logout + "##" + portalUrl + "/");
        String body = Json.createObjectBuilder(client).add("redirectUris", redirects).add("attributes", attributes).build().toString();
        send(admin("/clients/" + client.getString("id")).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpRequest.Builder admin(String path) {
        return HttpRequest.newBuilder(URI.create(base + "/admin/realms/" + Keycloak.REALM + path))
                .header("Authorization", "Bearer " + token);
    }

    private String send(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException("Keycloak admin API " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }
}
