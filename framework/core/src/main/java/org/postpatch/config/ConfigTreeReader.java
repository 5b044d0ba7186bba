package org.postpatch.config;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads one probe file (YAML or JSON) into a located {@link ConfigNode} tree, refusing hostile input
 * quickly: anchors and aliases (an alias bomb needs them; and Jackson would otherwise silently turn an
 * alias into the anchor's name), explicit tags, deep nesting, several documents, duplicate keys,
 * bytes that are not UTF-8 and oversized files. Limits are checked while streaming, so nothing large is ever built in memory.
 */
@API(status = INTERNAL, since = "0.1")
public final class ConfigTreeReader {

    /** Largest probe file accepted. Real suites are a few kilobytes; split larger ones with include. */
    public static final int MAX_BYTES = 4 * 1024 * 1024;
    /** Deepest nesting of maps and lists accepted. */
    public static final int MAX_DEPTH = 40;

    private static final String STRING_TAG = "tag:yaml.org,2002:str";

    private final YAMLFactory yaml;
    private final JsonFactory json;

    public ConfigTreeReader() {
        LoaderOptions loader = new LoaderOptions();
        loader.setAllowDuplicateKeys(true); // reported by us, with both locations
        loader.setMaxAliasesForCollections(0);
        loader.setNestingDepthLimit(MAX_DEPTH + 10);
        loader.setCodePointLimit(MAX_BYTES);
        loader.setAllowRecursiveKeys(false);
        StreamReadConstraints constraints = StreamReadConstraints.builder()
                .maxNestingDepth(MAX_DEPTH + 10)
                .maxStringLength(MAX_BYTES)
                .maxNumberLength(100)
                .build();
        this.yaml = YAMLFactory.builder().loaderOptions(loader).streamReadConstraints(constraints).build();
        this.json = JsonFactory.builder().streamReadConstraints(constraints)
                .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION).build();
    }

    /**
     * Reads {@code content} as the file {@code name}; JSON when the name ends in {@code .json},
     * YAML otherwise. Returns empty (with problems recorded) when the file cannot be used.
     */
    public Optional<ConfigNode> read(String name, byte[] content, Problems problems) {
        if (content.length > MAX_BYTES) {
            problems.add(SourceLocation.ofFile(name), tooLarge(content.length));
            return Optional.empty();
        }
        boolean isJson = name.toLowerCase(java.util.Locale.ROOT).endsWith(".json");
        Optional<String> decoded = Utf8Text.decode(name, content, problems);
        if (decoded.isEmpty()) {
            return Optional.empty();
        }
        String text = decoded.get();
        try (JsonParser parser = isJson ? json.createParser(text) : yaml.createParser(text)) {
            Tree tree = new Tree(name, parser, problems);
            JsonToken first = parser.nextToken();
            if (first == null) {
                problems.add(SourceLocation.ofFile(name), "the file is empty; expected a map with 'suite' and 'probes'");
                return Optional.empty();
            }
            ConfigNode root = tree.value(0);
            if (root == null) {
                return Optional.empty();
            }
            if (parser.nextToken() != null) {
                problems.add(tree.here(), "only one document is allowed per probe file (found a second one: '---'?)");
                return Optional.empty();
            }
            return Optional.of(root);
        } catch (StopReading stop) {
            return Optional.empty();
        } catch (JsonProcessingException e) {
            problems.add(locationOf(name, e), "not valid " + (isJson ? "JSON" : "YAML") + ": " + shortMessage(e));
            return Optional.empty();
        } catch (MarkedYAMLException e) {
            problems.add(locationOf(name, e), "not valid YAML: " + shortMessage(e));
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            problems.add(SourceLocation.ofFile(name), "could not be read: " + e.getMessage());
            return Optional.empty();
        }
    }

    /** The message for a file over the size limit. */
    public static String tooLarge(long bytes) {
        return String.format(java.util.Locale.ROOT,
                "the file is %.1f MB; probe files are limited to %d MB (split a large suite with 'include:')",
                bytes / 1_000_000.0, MAX_BYTES / (1024 * 1024));
    }

    private static SourceLocation locationOf(String name, JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException marked) {
            return locationOf(name, marked);
        }
        JsonLocation at = e.getLocation();
        return at == null ? SourceLocation.ofFile(name) : new SourceLocation(name, at.getLineNr(), at.getColumnNr());
    }

    private static SourceLocation locationOf(String name, MarkedYAMLException e) {
        Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        return mark == null ? SourceLocation.ofFile(name) : new SourceLocation(name, mark.getLine() + 1, mark.getColumn() + 1);
    }

    private static String shortMessage(Exception e) {
        Throwable cause = e.getCause() instanceof MarkedYAMLException ? e.getCause() : e;
        if (cause instanceof MarkedYAMLException marked) {
            String problem = marked.getProblem() == null ? marked.getContext() : marked.getProblem();
            return problem == null ? "syntax error" : problem.trim();
        }
        String message = e instanceof JsonProcessingException processing ? processing.getOriginalMessage() : e.getMessage();
        if (message == null) {
            return "syntax error";
        }
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).trim();
    }

    /** Thrown to abandon a file after a problem that makes the rest unreadable. */
    private static final class StopReading extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StopReading() {
            super(null, null, false, false);
        }
    }

    /** Builds the tree from the token stream, one file. */
    private static final class Tree {
        private final String name;
        private final JsonParser parser;
        private final YAMLParser yamlParser;
        private final Problems problems;

        Tree(String name, JsonParser parser, Problems problems) {
            this.name = name;
            this.parser = parser;
            this.yamlParser = parser instanceof YAMLParser y ? y : null;
            this.problems = problems;
        }

        SourceLocation here() {
            JsonLocation at = parser.currentTokenLocation();
            return new SourceLocation(name, at.getLineNr(), at.getColumnNr());
        }

        /** Reads the value at the current token; returns null if the value must be dropped. */
        ConfigNode value(int depth) throws IOException {
            SourceLocation at = here();
            boolean forcedString = refuseYamlFeatures(at);
            JsonToken token = parser.currentToken();
            switch (token) {
                case START_OBJECT:
                    checkDepth(depth, at);
                    return mapValue(at, depth);
                case START_ARRAY:
                    checkDepth(depth, at);
                    return listValue(at, depth);
                case VALUE_STRING:
                    return ConfigNode.string(at, parser.getText());
                case VALUE_NUMBER_INT:
                case VALUE_NUMBER_FLOAT:
                    if (forcedString) {
                        return ConfigNode.string(at, parser.getText());
                    }
                    return ConfigNode.number(at, parser.getDecimalValue(), parser.getText());
                case VALUE_TRUE:
                case VALUE_FALSE:
                    // YAML 1.1 also reads yes/no/on/off as booleans; here they stay the words written,
                    // so that "message: no" is never turned into "false".
                    String written = parser.getText();
                    boolean plainBoolean = written.equalsIgnoreCase("true") || written.equalsIgnoreCase("false");
                    return forcedString || !plainBoolean ? ConfigNode.string(at, written)
                            : ConfigNode.bool(at, token == JsonToken.VALUE_TRUE);
                case VALUE_NULL:
                    return ConfigNode.nullValue(at);
                default:
                    problems.add(at, "unexpected " + token);
                    throw new StopReading();
            }
        }

        private ConfigNode mapValue(SourceLocation at, int depth) throws IOException {
            Map<String, ConfigNode.Entry> entries = new LinkedHashMap<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                SourceLocation keyAt = here();
                refuseYamlFeatures(keyAt);
                parser.nextToken();
                ConfigNode value = value(depth + 1);
                ConfigNode.Entry earlier = entries.get(key);
                if (earlier != null) {
                    problems.add(keyAt, "duplicate key '" + key + "' (first at line " + earlier.keyLocation().line() + ")");
                    continue;
                }
                entries.put(key, new ConfigNode.Entry(keyAt, value));
            }
            return ConfigNode.map(at, entries);
        }

        private ConfigNode listValue(SourceLocation at, int depth) throws IOException {
            List<ConfigNode> items = new ArrayList<>();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                items.add(value(depth + 1));
            }
            return ConfigNode.list(at, items);
        }

        private void checkDepth(int depth, SourceLocation at) {
            if (depth >= MAX_DEPTH) {
                problems.add(at, "nesting is deeper than " + MAX_DEPTH + " levels; probe files are never this deep");
                throw new StopReading();
            }
        }

        /**
         * Anchors, aliases and tags are refused rather than interpreted: a probe file never needs them,
         * they enable alias bombs, and Jackson would turn an alias into its anchor's name — a silent
         * change of meaning. Returns true for an explicit {@code !!str} tag, which is allowed.
         */
        private boolean refuseYamlFeatures(SourceLocation at) throws IOException {
            if (yamlParser == null) {
                return false;
            }
            if (yamlParser.isCurrentAlias()) {
                problems.add(at, "YAML aliases (*" + yamlParser.getText()
                        + ") are not supported; write the value out, or use 'vars' and 'defaults'");
                throw new StopReading();
            }
            String anchor = yamlParser.getObjectId() != null ? yamlParser.getObjectId() : yamlParser.getCurrentAnchor();
            if (anchor != null) {
                problems.add(at, "YAML anchors (&" + anchor
                        + ") are not supported; write the value out, or use 'vars' and 'defaults'");
                throw new StopReading();
            }
            String tag = yamlParser.getTypeId();
            if (tag != null) {
                if (tag.equals(STRING_TAG) || tag.equals("!!str")) {
                    return true;
                }
                String shown = tag.startsWith("tag:yaml.org,2002:") ? "!!" + tag.substring(18) : "!" + tag;
                problems.add(at, "YAML tag '" + shown + "' is not supported; only plain values are allowed");
                throw new StopReading();
            }
            return false;
        }
    }
}
