package io.github.ecrpromotion.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Nothing from input or a registry reaches the terminal with escape sequences, controls or bidi overrides. */
public class TerminalTextTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private static final String[][] NASTY = {
        {"plain-tag_1.0", "plain-tag_1.0"},
        {"\u001b[31mred\u001b[0m", "\\x1b[31mred\\x1b[0m"},
        {"\u001b]0;title\u0007", "\\x1b]0;title\\x07"},
        {"a\nerror: forged", "a\\nerror: forged"},
        {"cr\rover", "cr\\rover"},
        {"tab\there", "tab\\there"},
        {"nul\u0000", "nul\\x00"},
        {"del\u007f", "del\\x7f"},
        {"csi\u009b2J", "csi\\x9b2J"},
        {"nel\u0085", "nel\\x85"},
        {"rlo\u202Eexe.txt", "rlo\\u202eexe.txt"},
        {"\u202A\u202B\u202C\u202D", "\\u202a\\u202b\\u202c\\u202d"},
        {"\u2066iso\u2067\u2068\u2069", "\\u2066iso\\u2067\\u2068\\u2069"},
        {"mark\u200E\u200F\u061C", "mark\\u200e\\u200f\\u061c"},
        {"line\u2028para\u2029", "line\\u2028para\\u2029"},
        {"lone\uD800", "lone\\ud800"},
        {"lone\uDC00x", "lone\\udc00x"},
        {"emoji \uD83D\uDE00 ok", "emoji \uD83D\uDE00 ok"},
        {"café ünïcode", "café ünïcode"},
        {"", ""},
    };

    @Test
    public void escape_table() {
        for (String[] row : NASTY) {
            assertEquals(row[0], row[1], TerminalText.escape(row[0]));
        }
    }

    @Test
    public void json_table_isTerminalSafeToo() {
        for (String[] row : NASTY) {
            String json = JsonOutput.string(row[0]);
            for (int i = 0; i < json.length(); i++) {
                assertFalse(row[0] + " -> " + json, TerminalText.unsafe(json, i));
            }
        }
    }

    @Test
    public void errors_escapeWhatTheUserTyped() throws Exception {
        DemoLayout demo = new DemoLayout(tmp.newFolder("repo").toPath());
        for (String[] row : NASTY) {
            if (row[0].equals(row[1])) {
                continue;
            }
            for (String[] args : new String[][] {
                {"to", row[0], demo.repo, "--from", "testing"},
                {"state", "oci:" + tmp.getRoot() + "/" + row[0]},
                {"state", demo.repo, "--environments", "testing," + row[0]},
                {"tag", demo.repo, "--source", row[0], "--build-tag", DemoLayout.B12},
                {"state", demo.repo, "--no-such-option" + row[0]},
            }) {
                Cli.Run run = Cli.run(args);
                assertTrue(String.join(" ", args) + "\n" + run, run.exit() != 0);
                assertEquals(run.toString(), 1, run.err().lines().count());
                String[] withDebug = java.util.Arrays.copyOf(args, args.length + 1);
                withDebug[args.length] = "--debug";
                for (String line : Cli.run(withDebug).err().lines().toList()) {
                    for (int i = 0; i < line.length(); i++) {
                        assertFalse(line, TerminalText.unsafe(line, i) && !(i == 0 && line.charAt(i) == '\t'));
                    }
                }
                String line = run.err().strip();
                for (int i = 0; i < line.length(); i++) {
                    assertFalse(String.join(" ", args) + "\n" + run, TerminalText.unsafe(line, i));
                }
            }
        }
    }
}
