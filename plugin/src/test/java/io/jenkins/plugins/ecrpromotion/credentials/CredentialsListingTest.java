package io.jenkins.plugins.ecrpromotion.credentials;

import io.jenkins.plugins.ecrpromotion.EcrPromotionConfiguration;
import io.jenkins.plugins.ecrpromotion.steps.EcrBuildTagStep;
import io.jenkins.plugins.ecrpromotion.steps.EcrPromoteStep;
import io.jenkins.plugins.ecrpromotion.steps.EcrStateStep;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockConstruction;
import static org.mockito.Mockito.mockStatic;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import com.cloudbees.jenkins.plugins.awscredentials.AmazonWebServicesCredentials;
import com.cloudbees.plugins.credentials.CredentialsMatcher;
import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.ExtensionList;
import hudson.model.Item;
import hudson.model.ItemGroup;
import hudson.model.Queue;
import hudson.model.queue.Tasks;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import jenkins.model.Jenkins;
import org.junit.After;
import org.junit.Test;
import org.kohsuke.stapler.verb.POST;
import org.mockito.MockedConstruction;
import org.mockito.MockedStatic;
import org.springframework.security.core.Authentication;

/**
 * The credentials drop-downs: only kinds that can work for the repository in the form, looked up as the job's
 * builds run (or as the system for an administrator on the global page), listed only with the permissions the
 * credentials plugin asks for, POST only.
 */
public class CredentialsListingTest {
    private static final String ECR = TargetResolverTest.ECR;
    private static final String OCI = TargetResolverTest.OCI;

    private final CredentialsMatcher awsKind = mock(CredentialsMatcher.class);
    private final CredentialsMatcher userPassKind = mock(CredentialsMatcher.class);
    private final CredentialsMatcher eitherKind = mock(CredentialsMatcher.class);
    private final EcrPromotionConfiguration config = new EcrPromotionConfiguration();
    private final Authentication jobAuthentication = mock(Authentication.class);
    private final Item job = mock(Item.class, withSettings().extraInterfaces(Queue.Task.class));
    private final Jenkins jenkins = mock(Jenkins.class);
    private final MockedStatic<CredentialsMatchers> matchers = mockStatic(CredentialsMatchers.class);
    private final MockedStatic<ExtensionList> extensions = mockStatic(ExtensionList.class);
    private final MockedStatic<Tasks> tasks = mockStatic(Tasks.class);
    private final MockedStatic<Jenkins> jenkinsStatic = mockStatic(Jenkins.class);
    private final MockedConstruction<StandardListBoxModel> models = mockConstruction(StandardListBoxModel.class);
    private final TestDomains domains = new TestDomains();
    private static final String ECR_URI = "https://123456789012.dkr.ecr.us-east-1.amazonaws.com";
    private static final String OCI_URI = "https://registry.example.com";

    public CredentialsListingTest() {
        matchers.when(() -> CredentialsMatchers.instanceOf(AmazonWebServicesCredentials.class)).thenReturn(awsKind);
        matchers.when(() -> CredentialsMatchers.instanceOf(StandardUsernamePasswordCredentials.class)).thenReturn(userPassKind);
        matchers.when(() -> CredentialsMatchers.anyOf(awsKind, userPassKind)).thenReturn(eitherKind);
        extensions.when(() -> ExtensionList.lookupSingleton(EcrPromotionConfiguration.class)).thenReturn(config);
        tasks.when(() -> Tasks.getAuthenticationOf2((Queue.Task) job)).thenReturn(jobAuthentication);
        jenkinsStatic.when(Jenkins::get).thenReturn(jenkins);
    }

    @After
    public void close() {
        domains.close();
        models.close();
        jenkinsStatic.close();
        tasks.close();
        extensions.close();
        matchers.close();
    }

    private StandardListBoxModel list(Item item, String repository) {
        CredentialsListing.forItem(item, "current-id", repository);
        assertEquals(1, models.constructed().size());
        return models.constructed().get(0);
    }

    @Test
    public void ecrRepository_listsOnlyAwsCredentials_asTheJobsBuildsRun() {
        when(job.hasPermission(any())).thenReturn(true);
        StandardListBoxModel m = list(job, ECR);
        verify(m).includeEmptyValue();
        // only credentials whose domain admits the registry's host
        verify(m).includeMatchingAs(jobAuthentication, job, StandardCredentials.class, domains.of(ECR_URI), awsKind);
        verify(m).includeCurrentValue("current-id");
    }

    @Test
    public void otherRegistry_listsOnlyUsernamePassword() {
        when(job.hasPermission(any())).thenReturn(true);
        verify(list(job, OCI)).includeMatchingAs(jobAuthentication, job, StandardCredentials.class, domains.of(OCI_URI),
                userPassKind);
    }

    @Test
    public void blankRepository_usesTheGlobalDefaultRegistrysKind_elseBothKinds() {
        when(job.hasPermission(any())).thenReturn(true);
        verify(list(job, " ")).includeMatchingAs(jobAuthentication, job, StandardCredentials.class, List.of(), eitherKind);
        config.setDefaultRepository(OCI);
        CredentialsListing.forItem(job, null, "");
        verify(models.constructed().get(1)).includeMatchingAs(jobAuthentication, job, StandardCredentials.class,
                domains.of(OCI_URI), userPassKind);
    }

    @Test
    public void withoutConfigureOrUsePermission_listsOnlyTheCurrentValue() {
        when(job.hasPermission(any())).thenReturn(false);
        StandardListBoxModel m = list(job, ECR);
        verify(m).includeCurrentValue("current-id");
        verify(m, never()).includeEmptyValue();
        verify(m, never()).includeMatchingAs(any(Authentication.class), any(Item.class), any(), anyList(), any());
    }

    @Test
    @SuppressWarnings("rawtypes")
    public void globalPage_listsTheRootsCredentialsAsTheSystem_forAdministratorsOnly() {
        when(jenkins.hasPermission(Jenkins.ADMINISTER)).thenReturn(true);
        StandardListBoxModel m = list(null, ECR);
        verify(m).includeMatchingAs(isNull(), eq((ItemGroup) jenkins), eq(StandardCredentials.class), eq(domains.of(ECR_URI)), eq(awsKind));
    }

    @Test
    @SuppressWarnings("rawtypes")
    public void globalPage_forNonAdministrators_listsOnlyTheCurrentValue() {
        when(jenkins.hasPermission(Jenkins.ADMINISTER)).thenReturn(false);
        StandardListBoxModel m = list(null, ECR);
        verify(m).includeCurrentValue("current-id");
        verify(m, never()).includeMatchingAs(any(), any(ItemGroup.class), any(), anyList(), any());
    }

    @Test
    public void everyCredentialsDropDown_isPostOnly_andSendsTheRepositoryField() throws Exception {
        for (Class<?> d : List.of(EcrPromoteStep.DescriptorImpl.class, EcrStateStep.DescriptorImpl.class,
                EcrBuildTagStep.DescriptorImpl.class, EcrPromotionConfiguration.class)) {
            Method fill = Arrays.stream(d.getMethods()).filter(m -> m.getName().equals("doFillCredentialsIdItems"))
                    .findFirst().orElseThrow();
            assertNotNull(d.getName(), fill.getAnnotation(POST.class));
            List<String> names = Arrays.stream(fill.getParameters()).map(p -> p.getName()).toList();
            String repositoryField = d == EcrPromotionConfiguration.class ? "defaultRepository" : "repository";
            assertEquals(d.getName() + " " + names, true, names.contains(repositoryField) && names.contains("credentialsId"));
        }
    }
}
