package io.github.ecrpromotion.ecr;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/** Records every SDK call (operation and request) and every HTTP attempt's Authorization header. */
final class CallLog implements ExecutionInterceptor {
    final List<String> operations = Collections.synchronizedList(new ArrayList<>());
    final List<SdkRequest> requests = Collections.synchronizedList(new ArrayList<>());
    final List<String> authorizations = Collections.synchronizedList(new ArrayList<>());
    /** Each HTTP attempt's X-Amz-Security-Token header (the session token of temporary keys), "" when absent. */
    final List<String> securityTokens = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        operations.add(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
        requests.add(context.request());
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        authorizations.add(context.httpRequest().firstMatchingHeader("Authorization").orElse(""));
        securityTokens.add(context.httpRequest().firstMatchingHeader("X-Amz-Security-Token").orElse(""));
    }

    long count(String operation) {
        synchronized (operations) {
            return operations.stream().filter(operation::equals).count();
        }
    }

    void clear() {
        operations.clear();
        requests.clear();
        authorizations.clear();
        securityTokens.clear();
    }
}
