package io.github.ecrpromotion.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** {@code promote completion bash|zsh} and {@code --version}. */
public class CompletionCommandTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    /**
     * Sources the script in a real bash and calls the function it registered for {@code promote} as bash would
     * (command, current word, previous word) for the line {@code promote <words>}; returns COMPREPLY.
     */
    private String complete(Path script, String words) throws Exception {
        Process p = new ProcessBuilder("bash", "-c", "source \"$1\"; COMP_WORDS=(promote " + words + "); "
                + "COMP_CWORD=$((${#COMP_WORDS[@]}-1)); COMP_LINE=\"${COMP_WORDS[*]}\"; COMP_POINT=${#COMP_LINE}; "
                + "fn=$(complete -p promote | sed -E 's/.*-F ([^ ]+).*/\\1/'); "
                + "$fn promote \"${COMP_WORDS[COMP_CWORD]}\" \"${COMP_WORDS[COMP_CWORD-1]}\" 2>/dev/null; "
                + "echo \"${COMPREPLY[*]}\"", "bash", script.toString())
                .redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(out, 0, p.exitValue());
        return out;
    }

    @Test
    public void bash_completesVerbsAndOptions() throws Exception {
        Cli.Run run = Cli.run("completion", "bash");
        assertEquals(run.toString(), 0, run.exit());
        Path script = tmp.newFile("promote.bash").toPath();
        Files.writeString(script, run.out());
        assertTrue(complete(script, "ta"), complete(script, "ta").contains("tag"));
        assertTrue(complete(script, "ta").contains("tags"));
        assertTrue(complete(script, "di").contains("digest"));
        assertTrue(complete(script, "state --out"), complete(script, "state --out").contains("--output"));
        assertEquals("text json\n", complete(script, "to -o ''"));
    }

    @Test
    public void zsh_getsTheSameScript_withItsBashcompinitPreamble() {
        Cli.Run run = Cli.run("completion", "zsh");
        assertEquals(run.toString(), 0, run.exit());
        assertTrue(run.out().contains("ZSH_VERSION"));
        assertTrue(run.out().contains("bashcompinit"));
        assertTrue(run.out().contains("complete -F _complete_promote"));
    }

    /**
     * Loads the script in a real zsh as a ~/.zshrc would (compinit first), checks that it registered itself for
     * {@code promote}, and calls that function the way zsh's bashcompinit does (ksharrays) for {@code promote <words>};
     * returns the candidates, one a line. zsh narrows them to the typed prefix itself. CI installs zsh (.ci/run).
     */
    private String completeInZsh(Path script, String words) throws Exception {
        Process p = new ProcessBuilder("zsh", "-f", "-c", "autoload -U +X compinit && compinit -u -d \"$2\"; "
                + "source \"$1\"; print -r -- \"registered: ${_comps[promote]}\"; setopt ksharrays; "
                + "COMP_WORDS=(promote " + words + "); COMP_CWORD=$((${#COMP_WORDS[@]}-1)); "
                + "COMP_LINE=\"${COMP_WORDS[*]}\"; COMP_POINT=${#COMP_LINE}; _complete_promote 2>/dev/null; "
                + "print -l -r -- \"${COMPREPLY[@]}\"", "zsh", script.toString(),
                tmp.getRoot().toPath().resolve("zcompdump").toString())
                .redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(out, 0, p.exitValue());
        assertTrue(out, out.startsWith("registered: _bash_complete -F _complete_promote"));
        return out;
    }

    @Test
    public void zsh_loadsTheScriptWithCompinit_andCompletesVerbsOptionsAndTheirValues() throws Exception {
        Cli.Run run = Cli.run("completion", "zsh");
        Path script = tmp.newFile("promote.zsh").toPath();
        Files.writeString(script, run.out());
        List<String> verbs = completeInZsh(script, "ta").lines().toList();
        assertTrue(verbs.toString(), verbs.containsAll(List.of("tag", "tags", "to", "state", "digest")));
        List<String> options = completeInZsh(script, "state --out").lines().toList();
        assertTrue(options.toString(), options.contains("--output"));
        assertTrue(options.toString(), !options.contains("--build-tag")); // state's options, not to's
        List<String> values = completeInZsh(script, "to -o ''").lines().toList();
        assertEquals(List.of("text", "json"), values.subList(1, values.size()));
    }

    @Test
    public void unknownShell_exits2() {
        assertEquals(2, Cli.run("completion", "fish").exit());
    }

    @Test
    public void version_fromClasses_isDevelopment() {
        Cli.Run run = Cli.run("--version");
        assertEquals(run.toString(), 0, run.exit());
        assertEquals("promote development\n", run.out());
    }
}
