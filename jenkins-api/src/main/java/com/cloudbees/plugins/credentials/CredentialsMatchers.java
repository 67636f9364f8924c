package com.cloudbees.plugins.credentials;

import java.util.List;

/** Compile-only copy of the real {@code com.cloudbees.plugins.credentials.CredentialsMatchers} signature (credentials 1502). */
public class CredentialsMatchers {
    private CredentialsMatchers() {
    }

    public static CredentialsMatcher always() {
        throw new UnsupportedOperationException();
    }

    public static CredentialsMatcher never() {
        throw new UnsupportedOperationException();
    }

    public static CredentialsMatcher withId(String id) {
        throw new UnsupportedOperationException();
    }

    @SuppressWarnings("rawtypes")
    public static CredentialsMatcher instanceOf(Class clazz) {
        throw new UnsupportedOperationException();
    }

    public static CredentialsMatcher allOf(CredentialsMatcher... matchers) {
        throw new UnsupportedOperationException();
    }

    public static CredentialsMatcher anyOf(CredentialsMatcher... matchers) {
        throw new UnsupportedOperationException();
    }

    public static <C extends Credentials> List<C> filter(List<C> credentials, CredentialsMatcher matcher) {
        throw new UnsupportedOperationException();
    }

    public static <C extends Credentials> C firstOrNull(Iterable<C> credentials, CredentialsMatcher matcher) {
        throw new UnsupportedOperationException();
    }
}
