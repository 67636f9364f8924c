package io.github.ecrpromotion.oci.layout;

import io.github.ecrpromotion.core.registry.RegistryException;
import io.github.ecrpromotion.core.registry.RegistryException.Reason;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** The layout backend's one exception translator: file-system and JSON failures become {@link RegistryException}. */
final class LayoutErrors {
    private LayoutErrors() {
    }

    static RegistryException io(String action, Path path, IOException e) {
        if (e instanceof AccessDeniedException) {
            return new RegistryException(Reason.AUTH, "Tried to " + action + " in the OCI image layout " + path
                    + " but failed because access to " + e.getMessage() + " was denied", e);
        }
        if (e instanceof NoSuchFileException) {
            return new RegistryException(Reason.NOT_FOUND, "Tried to " + action + " in the OCI image layout " + path
                    + " but failed because " + e.getMessage() + " does not exist", e);
        }
        // A disk error is not worth retrying automatically; say what the file system said.
        return new RegistryException(Reason.UNAVAILABLE, "Tried to " + action + " in the OCI image layout " + path
                + " but failed because of a file-system error: " + e, e, false);
    }

    static RegistryException badJson(String action, Path path, String file, IllegalArgumentException e) {
        return new RegistryException(Reason.PROTOCOL, "Tried to " + action + " in the OCI image layout " + path
                + " but failed because " + file + " is not valid: " + e.getMessage(), e);
    }

    /** A FIFO, device, directory or link where the layout needs a regular file: refused, never opened. */
    static RegistryException notRegular(String action, Path path, String file) {
        return new RegistryException(Reason.PROTOCOL, "Tried to " + action + " in the OCI image layout " + path
                + " but failed because " + file + " is not a regular file; replace it with the layout's own file");
    }

    /**
     * A lock file that is a link, FIFO or other special file: refused, never opened or followed. It holds nothing, so
     * the fix is removing it (this tool makes a regular one on its next write).
     */
    static RegistryException notRegularLock(Path path, String file) {
        return new RegistryException(Reason.PROTOCOL, "Tried to lock index.json in the OCI image layout " + path
                + " but failed because " + file + " is not a regular file; remove it (it holds no data; the next "
                + "write makes a regular one)");
    }

    static RegistryException notALayout(Path path) {
        return new RegistryException(Reason.NOT_FOUND, "Tried to open the OCI image layout " + path
                + " but failed because the repository was not found: " + (java.nio.file.Files.isDirectory(path)
                        ? "the directory has no oci-layout file, so it is not an OCI image layout"
                        : "there is no such directory"));
    }

    static RegistryException corrupt(Path path, String what) {
        return new RegistryException(Reason.PROTOCOL, "Tried to read " + what + " from the OCI image layout " + path
                + " but failed because its bytes do not hash to its digest; the layout is corrupt");
    }
}
