package io.github.ecrpromotion.core.env;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.github.ecrpromotion.core.InvalidInputException;
import java.util.List;
import java.util.Optional;
import org.junit.Test;

public class EnvironmentChainTest {

    @Test
    public void default_isTestingStagingProduction() {
        assertEquals(List.of("testing", "staging", "production"), EnvironmentChain.DEFAULT.names());
        Environment staging = Environment.of("staging");
        assertEquals(Optional.of(Environment.of("testing")), EnvironmentChain.DEFAULT.predecessor(staging));
        assertEquals(Optional.of(Environment.of("production")), EnvironmentChain.DEFAULT.next(staging));
        assertEquals(Optional.empty(), EnvironmentChain.DEFAULT.predecessor(Environment.of("testing")));
        assertEquals(Optional.empty(), EnvironmentChain.DEFAULT.next(Environment.of("production")));
    }

    @Test
    public void parse_acceptsCommasAndArrows() throws Exception {
        assertEquals(List.of("dev", "qa", "prod"), EnvironmentChain.parse("dev, qa,prod").names());
        assertEquals(List.of("dev", "qa", "prod"), EnvironmentChain.parse("dev -> qa -> prod").names());
        assertEquals("dev,qa,prod", EnvironmentChain.parse("dev -> qa -> prod").toListString());
    }

    @Test
    public void parse_badInputTable() {
        String[][] table = {
            {"testing,staging,testing", "appears twice"},
            {"", "empty"},
            {" , ", "empty"},
            {"testing,sta ging", "environment name"},
            {"testing,-x", "environment name"},
            {"2016.08.24T17.13.38Z.x", "build tag"},
            {"testing,,staging", "empty name"},
            {"testing->->staging", "empty name"},
            {"testing,staging,", "empty name"},
            {",testing", "empty name"},
            {"testing,nul\u0000", "environment name"},
            {"testing,\u001b[2J", "environment name"},
        };
        for (String[] row : table) {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> EnvironmentChain.parse(row[0]));
            assertTrue(e.getMessage(), e.getMessage().contains(row[1]));
        }
    }

    @Test
    public void require_unknown_listsTheValidOnes() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> EnvironmentChain.DEFAULT.require("prod"));
        assertTrue(e.getMessage(), e.getMessage().contains("testing -> staging -> production"));
    }
}
