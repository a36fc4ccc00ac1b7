package io.boxoffice.app.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import io.boxoffice.app.node.NodeRole;
import io.boxoffice.app.support.ConfigurationMetadata;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Docker cannot run on the project's machines, so docker-compose.yml is checked here: every setting it gives a node is
 * one the application has (by the configuration metadata of every jar on the class path, in Spring's environment
 * variable form), its roles exist, nginx sends each kind of request to nodes that run it, the files it mounts exist,
 * and ops/topology/run.sh, which starts the same topology without Docker, gives its nodes the same settings.
 */
class DeploymentFilesTest {

    private static final Path ROOT = Path.of("..");
    /** Read from the secrets file by PostgreSQL's containers and scripts, not by the application. */
    private static final Set<String> INFRASTRUCTURE = Set.of("POSTGRES_PASSWORD", "REPLICATION_PASSWORD");
    private static final Pattern ENV_LINE = Pattern.compile("(?m)^([A-Z][A-Z0-9_]*)=");

    /**
     * Every property of the class path, in environment variable form; and the prefixes of map and list properties
     * (BOXOFFICE_SEATSHARDS_1_URL is boxoffice.seat-shards[1].url).
     */
    private static final Set<String> properties = new HashSet<>();
    private static final Set<String> mapPrefixes = new HashSet<>();
    private static Map<String, Object> services;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void read() throws IOException {
        for (JsonNode property : ConfigurationMetadata.properties()) {
            for (String variable : variables(property.path("name").asText())) {
                properties.add(variable);
                String type = property.path("type").asText();
                if (type.startsWith("java.util.Map") || type.startsWith("java.util.List")) {
                    mapPrefixes.add(variable + "_");
                }
            }
        }
        Map<String, Object> compose = new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
        services = (Map<String, Object>) compose.get("services");
    }

    /**
     * The environment variables Spring binds to a property: spring.data.redis.host is SPRING_DATA_REDIS_HOST, and a
     * dash is dropped (MAXIMUMPOOLSIZE) or, in the legacy form Spring still reads, an underscore (MAXIMUM_POOL_SIZE).
     */
    private static Set<String> variables(String property) {
        String upper = property.replace('.', '_').toUpperCase(Locale.ROOT);
        return new HashSet<>(List.of(upper.replace("-", ""), upper.replace('-', '_')));
    }

    @Test
    void everySettingOfANodeIsOneTheApplicationHas() throws IOException {
        Set<String> fromFiles = new TreeSet<>(keys(Files.readString(ROOT.resolve("ops/node.env"))));
        fromFiles.addAll(keys(Files.readString(ROOT.resolve("ops/make-secrets.sh"))));
        Set<String> checked = new TreeSet<>(fromFiles);
        nodes().values().forEach(node -> checked.addAll(environment(node).keySet()));
        checked.addAll(keys(function("measurement_env")));

        assertThat(checked).as("settings of the nodes").isNotEmpty()
                .allSatisfy(name -> assertThat(INFRASTRUCTURE.contains(name) || properties.contains(name)
                        || mapPrefixes.stream().anyMatch(name::startsWith))
                        .as("%s is a property of the application", name).isTrue());
        assertThat(fromFiles).as("the secrets every node needs")
                .contains("SPRING_DATASOURCE_PASSWORD", "BOXOFFICE_AUTH_ISSUER_SECRET", "BOXOFFICE_AUTH_ADMIN_PASSWORD",
                        "BOXOFFICE_PAYMENT_WEBHOOK_SECRET", "BOXOFFICE_TICKETS_SIGNING_SECRET",
                        "BOXOFFICE_WAITING_ROOM_SIGNING_SECRET");
    }

    @Test
    void theTopologyScriptGivesItsNodesTheSameSettings() throws IOException {
        Set<String> script = keys(function("node_env"));
        assertThat(function("start_node")).contains(". ops/node.env", ". \"$SECRETS\"");

        nodes().forEach((name, node) -> assertThat(environment(node).keySet()).as(name)
                .containsExactlyInAnyOrderElementsOf(script));
    }

    @Test
    void theEdgeSendsReadsToWebNodesAndTheRestToCommandNodes() {
        Map<String, Set<NodeRole>> roles = new LinkedHashMap<>();
        nodes().forEach((name, node) -> roles.put(name, Arrays.stream(environment(node).get("BOXOFFICE_ROLES")
                        .split(",")).map(role -> NodeRole.valueOf(role.strip().toUpperCase(Locale.ROOT)))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(NodeRole.class)))));
        Map<String, String> edge = environment(services.get("nginx"));

        assertThat(roles.values()).as("a node with a subset of the roles").anyMatch(set -> set.size() < 4);
        assertThat(servers(edge.get("BROWSE_SERVERS"))).containsExactlyInAnyOrderElementsOf(
                roles.entrySet().stream().filter(e -> e.getValue().contains(NodeRole.WEB)).map(Map.Entry::getKey)
                        .toList());
        assertThat(servers(edge.get("COMMAND_SERVERS"))).containsExactlyInAnyOrderElementsOf(
                roles.entrySet().stream().filter(e -> e.getValue().contains(NodeRole.COMMAND)).map(Map.Entry::getKey)
                        .toList());
    }

    @Test
    @SuppressWarnings("unchecked")
    void whatTheComposeFileMountsAndBuildsExistsAndEveryServiceHasAHealthCheck() throws IOException {
        services.forEach((name, definition) -> {
            Map<String, Object> service = (Map<String, Object>) definition;
            for (Object volume : (List<Object>) service.getOrDefault("volumes", List.of())) {
                String source = volume.toString().split(":")[0];
                if (source.startsWith(".")) {
                    assertThat(ROOT.resolve(source)).as("%s mounts %s", name, source).exists();
                }
            }
            for (Object envFile : (List<Object>) service.getOrDefault("env_file", List.of())) {
                assertThat(envFile.equals("ops/secrets.env") || Files.exists(ROOT.resolve(envFile.toString())))
                        .as("%s reads %s", name, envFile).isTrue();
            }
            if (!service.containsKey("healthcheck")) {
                String context = String.valueOf(service.get("build"));
                assertThat(ROOT.resolve(context).resolve("Dockerfile")).as("%s's image checks its health", name)
                        .content().contains("HEALTHCHECK");
            }
        });
        assertThat(Files.readAllLines(ROOT.resolve(".gitignore"))).as("made by ops/make-secrets.sh, never committed")
                .contains("ops/secrets.env");
        String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));
        assertThat(dockerfile).contains("/actuator/health/readiness", "jarmode=tools", "extract");
        Matcher user = Pattern.compile("(?m)^USER (\\S+)").matcher(dockerfile);
        assertThat(user.find()).as("a USER").isTrue();
        assertThat(user.group(1)).isNotIn("root", "0");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> nodes() {
        Map<String, Object> nodes = new LinkedHashMap<>();
        services.forEach((name, service) -> {
            if (".".equals(((Map<String, Object>) service).get("build"))) {
                nodes.put(name, service);
            }
        });
        assertThat(nodes).as("Boxoffice nodes").hasSizeGreaterThanOrEqualTo(3);
        return nodes;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> environment(Object service) {
        Map<String, String> environment = new LinkedHashMap<>();
        ((Map<String, Object>) ((Map<String, Object>) service).getOrDefault("environment", Map.of()))
                .forEach((key, value) -> environment.put(key, String.valueOf(value)));
        return environment;
    }

    /** The node names of nginx's "server name:port ...;" lines. */
    private static List<String> servers(String lines) {
        return Pattern.compile("server ([\\w.-]+):\\d+").matcher(lines).results().map(m -> m.group(1)).toList();
    }

    /** The body of a shell function of ops/topology/run.sh. */
    private static String function(String name) throws IOException {
        String script = Files.readString(ROOT.resolve("ops/topology/run.sh"));
        int start = script.indexOf("\n" + name + "() {");
        assertThat(start).as("function %s of run.sh", name).isNotNegative();
        return script.substring(start, script.indexOf("\n}", start));
    }

    private static Set<String> keys(String text) {
        return ENV_LINE.matcher(text).results().map(m -> m.group(1)).collect(Collectors.toCollection(TreeSet::new));
    }
}
