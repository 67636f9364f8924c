package io.github.ecrpromotion.core.ref;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.github.ecrpromotion.core.InvalidInputException;
import java.util.Optional;
import org.junit.Test;

/** Host forms of {@link Repository}: every ECR endpoint form, case, IPv6 literals, and the sentences for bad hosts. */
public class RepositoryHostTest {

    @Test
    public void parse_everyEcrHostForm_selectsEcrWithAccountRegionFipsAndDualStack() throws Exception {
        Object[][] table = {
            // text, region, fips, dual-stack
            {"123456789012.dkr.ecr.us-east-1.amazonaws.com/app", "us-east-1", false, false},
            {"123456789012.dkr.ecr-fips.us-gov-west-1.amazonaws.com/app", "us-gov-west-1", true, false},
            {"123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn/app", "cn-north-1", false, false},
            {"123456789012.dkr.ecr.cn-northwest-1.amazonaws.com.cn/team/app", "cn-northwest-1", false, false},
            {"123456789012.dkr-ecr.eu-west-1.on.aws/app", "eu-west-1", false, true},
            {"123456789012.dkr-ecr-fips.us-east-2.on.aws/app", "us-east-2", true, true},
            {"123456789012.dkr-ecr.cn-north-1.on.amazonwebservices.com.cn/app", "cn-north-1", false, true},
            {"123456789012.dkr.ecr.us-east-1.amazonaws.com:443/app", "us-east-1", false, false}, // ECR's only port
        };
        for (Object[] row : table) {
            String text = (String) row[0];
            Repository r = Repository.parse(text);
            assertEquals(text, Repository.Kind.ECR, r.kind());
            assertEquals(text, Optional.of("123456789012"), r.ecrAccount());
            assertEquals(text, Optional.of(row[1]), r.ecrRegion());
            assertEquals(text, row[2], r.isEcrFips());
            assertEquals(text, row[3], r.isEcrDualStack());
            assertEquals(text, text, r.toString());
            assertEquals(text, r, Repository.parse(r.toString()));
        }
    }

    @Test
    public void parse_hostInCapitals_isTheSameRepositoryInLowerCase() throws Exception {
        String[][] table = {
            {"LOCALHOST:5000/app", "localhost:5000/app"},
            {"Registry.Example.COM/team/app", "registry.example.com/team/app"},
            {"123456789012.DKR.ECR.US-EAST-1.AMAZONAWS.COM/app", "123456789012.dkr.ecr.us-east-1.amazonaws.com/app"},
            {"123456789012.DKR-ECR-FIPS.US-EAST-1.ON.AWS/app", "123456789012.dkr-ecr-fips.us-east-1.on.aws/app"},
            {"[::FFFF:7F00:1]:5000/app", "[::ffff:7f00:1]:5000/app"},
        };
        for (String[] row : table) {
            Repository r = Repository.parse(row[0]);
            assertEquals(row[0], row[1], r.toString());
            assertEquals(row[0], Repository.parse(row[1]), r);
        }
        assertTrue(Repository.parse("LOCALHOST:5000/app").isLoopback());
        assertEquals(Repository.Kind.ECR, Repository.parse("123456789012.DKR.ECR.US-EAST-1.AMAZONAWS.COM/app").kind());
        assertEquals(Optional.of("us-east-1"), Repository.parse("123456789012.DKR.ECR.US-EAST-1.AMAZONAWS.COM/app").ecrRegion());
    }

    @Test
    public void parse_ipv6Literal_keepsBracketsAndLoopbackMeansPlainHttp() throws Exception {
        Object[][] table = {
            // text, host, loopback
            {"[::1]:5000/app", "[::1]:5000", true},
            {"[::1]/app", "[::1]", true},
            {"[0:0:0:0:0:0:0:1]:5000/demo/app", "[0:0:0:0:0:0:0:1]:5000", true},
            {"[2001:db8::1]:443/team/app", "[2001:db8::1]:443", false},
            {"[2001:db8::1]/app", "[2001:db8::1]", false},
        };
        for (Object[] row : table) {
            Repository r = Repository.parse((String) row[0]);
            assertEquals(row[0].toString(), Repository.Kind.REGISTRY, r.kind());
            assertEquals(row[0].toString(), Optional.of(row[1]), r.host());
            assertEquals(row[0].toString(), row[2], r.isLoopback());
            assertEquals(row[0].toString(), row[0], r.toString());
            // A URL built from the host keeps the brackets and parses back to the same host and port.
            java.net.URI uri = java.net.URI.create("http://" + r.host().get() + "/v2/");
            assertEquals(row[0].toString(), ((String) row[1]).replaceFirst(":\\d+$", ""), uri.getHost());
        }
    }

    @Test
    public void parse_badHost_isRefusedWithASentence() {
        String[][] table = {
            {"[fe80::1%eth0]:5000/app", "has a zone id ('%eth0'); zone ids name an interface of this machine"},
            {"[fe80::1%25eth0]/app", "zone id"},
            {"[::1/app", "an IPv6 address is written in brackets"},
            {"[::g]/app", "[::g] is not an IPv6 address"},
            {"[1:2:3:4:5:6:7:8:9]/app", "is not an IPv6 address"},
            {"[localhost]/app", "is not an IPv6 address"},
            {"[::1]:70000/app", "port 70000 is out of range"},
            {"[::1]:0/app", "port 0 is out of range"},
            {"::1:5000/app", "not a registry host"},
            {"123456789012.dkr.ecr.us-east-1.amazonaws.com.cn/app", "amazonaws.com.cn and on.amazonwebservices.com.cn "
                    + "serve only the China regions (cn-*)"},
            {"123456789012.dkr.ecr.cn-north-1.amazonaws.com/app", "the China regions (cn-*) are served under"},
            {"123456789012.dkr-ecr.cn-north-1.on.aws/app", "the China regions (cn-*)"},
            {"LOCALHOST:5000/App", "lower-case"},
            {"123456789012.dkr.ecr.us-east-1.amazonaws.com:5000/app", "Amazon ECR serves HTTPS on port 443 only"},
        };
        for (String[] row : table) {
            InvalidInputException e = assertThrows(row[0], InvalidInputException.class, () -> Repository.parse(row[0]));
            assertTrue(e.getMessage(), e.getMessage().contains(row[1]));
            assertTrue(e.getMessage(), e.getMessage().startsWith("Tried to read the repository"));
        }
    }

    @Test
    public void parse_lookAlikeEcrHosts_arePlainRegistries() throws Exception {
        String[] table = {
            "123456789012.dkr.ecr.us-east-1.amazonaws.com.example.com/app", // a suffix makes it someone else's host
            "12345678901.dkr.ecr.us-east-1.amazonaws.com/app",              // 11 digits: no account
            "123456789012.dkr-ecr.us-east-1.amazonaws.com/app",             // dual-stack prefix, IPv4 domain
            "123456789012.dkr.ecr.us-east-1.on.aws/app",                    // IPv4 prefix, dual-stack domain
        };
        for (String text : table) {
            Repository r = Repository.parse(text);
            assertEquals(text, Repository.Kind.REGISTRY, r.kind());
            assertFalse(text, r.isEcrFips() || r.isEcrDualStack());
            assertEquals(text, Optional.empty(), r.ecrRegion());
        }
    }
}
