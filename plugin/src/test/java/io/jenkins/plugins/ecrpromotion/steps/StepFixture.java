package io.jenkins.plugins.ecrpromotion.steps;

import io.jenkins.plugins.ecrpromotion.EcrPromotionAction;
import io.jenkins.plugins.ecrpromotion.EcrPromotionConfiguration;
import io.jenkins.plugins.ecrpromotion.credentials.TestDomains;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockStatic;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import hudson.EnvVars;
import hudson.ExtensionList;
import hudson.model.Action;
import hudson.model.Job;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.github.ecrpromotion.core.ref.Repository;
import io.github.ecrpromotion.core.registry.Registries;
import io.github.ecrpromotion.core.registry.Registry;
import io.github.ecrpromotion.core.registry.RegistryOptions;
import io.github.ecrpromotion.testkit.InMemoryRegistry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.mockito.ArgumentCaptor;
import org.mockito.MockedStatic;

/**
 * A step's world made of Mockito mocks: a {@link StepContext} giving a mocked {@link Run} (job {@code team/ecs-demo},
 * build 11), a {@link TaskListener} whose log is captured, an {@link EnvVars} holding AWS keys as {@code withAWS}
 * sets them; Jenkins' static look-ups
 * (global configuration, credentials, registry backends) answered from this object. Close it to end the static mocks.
 */
public final class StepFixture implements AutoCloseable {
    public static final long START = java.time.Instant.parse("2016-08-24T17:13:38.250Z").toEpochMilli();
    public static final String SHA = "5ad95f2e0a9c3b1d4e5f60718293a4b5c6d7e8f9";
    public static final String TAG = "2016.08.24T17.13.38Z.5ad95f2-team-ecs-demo-11";
    public static final String REPO = "123456789012.dkr.ecr.us-east-1.amazonaws.com/oe/ecs-demo";
    public static final String ENV_KEY_ID = "AKIAWITHAWSEXAMPLE";
    public static final String ENV_SECRET = "withAWS-secret-EXAMPLE";

    public final StepContext context = mock(StepContext.class);
    @SuppressWarnings("rawtypes")
    public final Run run = mock(Run.class);
    public final TaskListener listener = mock(TaskListener.class);
    public final EnvVars env = new EnvVars();
    public final EcrPromotionConfiguration config = new EcrPromotionConfiguration();
    public final Map<String, StandardCredentials> credentials = new HashMap<>();
    public final InMemoryRegistry registry = new InMemoryRegistry(Repository.of(REPO));
    /** The options the step opened the registry with. */
    public final AtomicReference<RegistryOptions> openedWith = new AtomicReference<>();
    /** What {@code Registries.open} does; by default answers {@link #registry}. */
    public Opener opener = (repo, options) -> registry;

    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private final MockedStatic<ExtensionList> extensions = mockStatic(ExtensionList.class);
    private final MockedStatic<CredentialsProvider> provider = mockStatic(CredentialsProvider.class);
    private final MockedStatic<Registries> registries = mockStatic(Registries.class);
    /** No Jenkins instance: getInstanceOrNull() answers null, so no proxy is configured. */
    private final MockedStatic<Jenkins> jenkins = mockStatic(Jenkins.class);
    /** The credentials domains of registries (see CredentialDomains). */
    public final TestDomains domains = new TestDomains();

    /** Registries.open, as a lambda. */
    public interface Opener {
        Registry open(Repository repository, RegistryOptions options) throws Exception;
    }

    @SuppressWarnings("unchecked")
    public StepFixture() throws Exception {
        Job<?, ?> job = mock(Job.class);
        when(job.getFullName()).thenReturn("team/ecs-demo");
        doReturn(job).when(run).getParent();
        when(run.getNumber()).thenReturn(11);
        when(run.getStartTimeInMillis()).thenReturn(START);
        when(run.getFullDisplayName()).thenReturn("team » ecs-demo #11");
        when(listener.getLogger()).thenReturn(new PrintStream(log, true, StandardCharsets.UTF_8));
        when(context.get(Run.class)).thenReturn(run);
        when(context.get(TaskListener.class)).thenReturn(listener);
        when(context.get(EnvVars.class)).thenReturn(env);
        // As inside withAWS(credentials: ...): the step's environment holds AWS keys (tests about identity change them).
        env.put("AWS_ACCESS_KEY_ID", ENV_KEY_ID);
        env.put("AWS_SECRET_ACCESS_KEY", ENV_SECRET);

        extensions.when(() -> ExtensionList.lookupSingleton(EcrPromotionConfiguration.class)).thenReturn(config);
        provider.when(() -> CredentialsProvider.findCredentialById(anyString(), eq(StandardCredentials.class), any(Run.class),
                        org.mockito.ArgumentMatchers.anyList()))
                .thenAnswer(inv -> credentials.get(inv.getArgument(0, String.class)));
        registries.when(() -> Registries.open(any(Repository.class), any(RegistryOptions.class))).thenAnswer(inv -> {
            openedWith.set(inv.getArgument(1));
            return opener.open(inv.getArgument(0), inv.getArgument(1));
        });
    }

    public String log() {
        return log.toString(StandardCharsets.UTF_8);
    }

    /** The action the step attached to the run (EcrPromotionAction.of adds one when the run has none). */
    public EcrPromotionAction attachedAction() {
        ArgumentCaptor<Action> added = ArgumentCaptor.forClass(Action.class);
        verify(run).addAction(added.capture());
        return (EcrPromotionAction) added.getValue();
    }

    /** Whether the step recorded use of the credentials on the run. */
    public void verifyTracked(StandardCredentials c) {
        provider.verify(() -> CredentialsProvider.track(run, c));
    }

    @Override
    public void close() {
        domains.close();
        jenkins.close();
        registries.close();
        provider.close();
        extensions.close();
    }
}
