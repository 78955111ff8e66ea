package bbva.cli;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bbva.Param;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import org.junit.jupiter.api.Test;

class AnalyzeOptionsTest {
    /** The job parameters define analyze's options: a parameter with a CLI option needs no code in the command. */
    @Test
    void everyJobParameterWithAnOptionIsAnAnalyzeOption() {
        CommandSpec analyze = new CommandLine(new Main()).getSubcommands().get("analyze").getCommandSpec();
        for (Param<?> k : Param.ALL) {
            if (k.option != null) {
                assertNotNull(analyze.findOption(k.option), k.option);
                assertTrue(analyze.findOption(k.option).description()[0].equals(k.description));
            }
        }
    }
}
