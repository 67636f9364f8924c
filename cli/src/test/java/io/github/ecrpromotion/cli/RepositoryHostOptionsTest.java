package io.github.ecrpromotion.cli;

import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.github.ecrpromotion.core.InvalidInputException;
import io.github.ecrpromotion.core.ref.Repository;
import org.junit.Test;

/**
 * Options follow the backend the host selects: every ECR host form takes the ECR options (the dual-stack form used to
 * be taken for a plain registry, where --endpoint-url was ignored), and a host in capitals is the same host.
 */
public class RepositoryHostOptionsTest {
    private static RegistryOptionsMixin withEndpointUrl() {
        RegistryOptionsMixin m = new RegistryOptionsMixin();
        m.endpointUrl = "https://vpce-1.api.ecr.us-east-1.vpce.amazonaws.com";
        m.region = "us-east-1";
        return m;
    }

    @Test
    public void everyEcrHostForm_acceptsTheEcrOptions() throws Exception {
        String[] table = {
            "123456789012.dkr.ecr.us-east-1.amazonaws.com/app",
            "123456789012.dkr.ecr-fips.us-east-1.amazonaws.com/app",
            "123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn/app",
            "123456789012.dkr-ecr.us-east-1.on.aws/app",
            "123456789012.dkr-ecr-fips.us-east-1.on.aws/app",
            "123456789012.DKR-ECR.US-EAST-1.ON.AWS/app",
            "123456789012.dkr.ecr.us-east-1.amazonaws.com:443/app",
        };
        for (String text : table) {
            withEndpointUrl().requireApplicable(Repository.parse(text));
        }
    }

    @Test
    public void plainRegistryHosts_refuseTheEcrOptions_andTakePlainHttp() throws Exception {
        for (String text : new String[] {"LOCALHOST:5000/app", "[::1]:5000/app", "registry.example.com/app"}) {
            InvalidInputException e = assertThrows(text, InvalidInputException.class,
                    () -> withEndpointUrl().requireApplicable(Repository.parse(text)));
            assertTrue(e.getMessage(), e.getMessage().contains("applies only to Amazon ECR"));
            RegistryOptionsMixin plain = new RegistryOptionsMixin();
            plain.plainHttp = true;
            plain.requireApplicable(Repository.parse(text));
        }
    }
}
