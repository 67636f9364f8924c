package hudson.util;

import hudson.model.ModelObject;
import java.util.ArrayList;
import java.util.Collection;
import org.kohsuke.stapler.HttpResponse;

/**
 * Compile-only copy of the real {@code hudson.util.ListBoxModel} signature (Jenkins core 2.541.1): the items of
 * a {@code doFillXItems} drop-down. Adding options works as in Jenkins (it is a plain list).
 */
public class ListBoxModel extends ArrayList<ListBoxModel.Option> implements HttpResponse {
    public ListBoxModel(int initialCapacity) {
        super(initialCapacity);
    }

    public ListBoxModel() {
    }

    public ListBoxModel(Collection<Option> c) {
        super(c);
    }

    public ListBoxModel(Option... data) {
        for (Option o : data) {
            add(o);
        }
    }

    public void add(String displayName, String value) {
        add(new Option(displayName, value));
    }

    public void add(ModelObject usedForDisplayName, String value) {
        add(usedForDisplayName.getDisplayName(), value);
    }

    public ListBoxModel add(String nameAndValue) {
        add(nameAndValue, nameAndValue);
        return this;
    }

    /** Compile-only copy of the real {@code hudson.util.ListBoxModel.Option} signature. */
    public static final class Option {
        public String name;
        public String value;
        public boolean selected;

        public Option(String name, String value) {
            this(name, value, false);
        }

        public Option(String name) {
            this(name, name, false);
        }

        public Option(String name, String value, boolean selected) {
            this.name = name;
            this.value = value;
            this.selected = selected;
        }

        @Override
        public String toString() {
            return name + "=" + value + (selected ? "[selected]" : "");
        }
    }
}
