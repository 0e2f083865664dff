package nl.sociallearning.workstation.assessment.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Properties;

/**
 * This workstation's Ed25519 key for signing exchange files, kept in the data folder (made on first use). The
 * public key travels in each file; the receiving workstation remembers it per assessor.
 */
public final class SigningKey {

    public static final String FILE_NAME = "assessment-signing-key.properties";

    private final KeyPair pair;

    private SigningKey(KeyPair pair) {
        this.pair = pair;
    }

    public static SigningKey inDataDirectory(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        try {
            if (Files.exists(file)) {
                Properties p = new Properties();
                try (InputStream in = Files.newInputStream(file)) {
                    p.load(in);
                }
                KeyFactory f = KeyFactory.getInstance("Ed25519");
                PrivateKey priv = f.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(p.getProperty("private"))));
                PublicKey pub = f.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(p.getProperty("public"))));
                return new SigningKey(new KeyPair(pub, priv));
            }
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            Properties p = new Properties();
            p.setProperty("private", Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()));
            p.setProperty("public", Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
            Files.createDirectories(dataDir);
            Path tmp = Files.createTempFile(dataDir, "key", ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                p.store(out, "Signs this workstation's assessment exchange files. Keep it private.");
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            return new SigningKey(pair);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("The signing key in " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    public String publicKey() {
        return Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());
    }

    byte[] sign(byte[] data) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(pair.getPrivate());
            s.update(data);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean verify(String publicKey, byte[] data, byte[] signature) {
        try {
            PublicKey pub = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicKey)));
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(pub);
            s.update(data);
            return s.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** A short, readable fingerprint of a public key, to compare by phone or on paper. */
    public static String fingerprint(String publicKey) {
        String hex = nl.sociallearning.workstation.assessment.audit.Canonical.sha256(publicKey.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        return hex.substring(0, 4) + " " + hex.substring(4, 8) + " " + hex.substring(8, 12) + " " + hex.substring(12, 16);
    }
}
