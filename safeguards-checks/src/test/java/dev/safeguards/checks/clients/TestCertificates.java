package dev.safeguards.checks.clients;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A test certificate authority and the server certificates it issues, generated in memory: valid,
 * expiring soon, expired, not yet valid, or issued for another host.
 */
public final class TestCertificates {

  public static final char[] PASSWORD = "changeit".toCharArray();
  private static final Duration DAY = Duration.ofDays(1);

  private final AtomicLong serial = new AtomicLong(1);
  private final KeyPair authorityKeys = keyPair();
  private final X500Name authorityName = new X500Name("CN=Safeguards Test CA");
  private final X509Certificate authority;

  public TestCertificates() {
    Instant now = Instant.now();
    authority =
        sign(
            new JcaX509v3CertificateBuilder(
                authorityName,
                BigInteger.valueOf(serial.getAndIncrement()),
                Date.from(now.minus(DAY.multipliedBy(60))),
                Date.from(now.plus(DAY.multipliedBy(365))),
                authorityName,
                authorityKeys.getPublic()),
            true,
            null);
  }

  /** A trust store holding this authority only. */
  public KeyStore trustStore() {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setCertificateEntry("authority", authority);
      return store;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A server keystore for 127.0.0.1 and localhost, valid from and until the given offsets. */
  public KeyStore server(Duration validFrom, Duration validUntil) {
    return server(validFrom, validUntil, "localhost", "127.0.0.1");
  }

  /**
   * A server keystore valid from {@code validFrom} to {@code validUntil} after now (negative for
   * the past), for the DNS name and IP address given.
   */
  public KeyStore server(
      Duration validFrom, Duration validUntil, String dnsName, String ipAddress) {
    KeyPair keys = keyPair();
    Instant now = Instant.now();
    GeneralNames names =
        ipAddress == null
            ? new GeneralNames(new GeneralName(GeneralName.dNSName, dnsName))
            : new GeneralNames(
                new GeneralName[] {
                  new GeneralName(GeneralName.dNSName, dnsName),
                  new GeneralName(GeneralName.iPAddress, ipAddress)
                });
    X509Certificate certificate =
        sign(
            new JcaX509v3CertificateBuilder(
                authorityName,
                BigInteger.valueOf(serial.getAndIncrement()),
                Date.from(now.plus(validFrom)),
                Date.from(now.plus(validUntil)),
                new X500Name("CN=" + dnsName),
                keys.getPublic()),
            false,
            names);
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry(
          "server", keys.getPrivate(), PASSWORD, new X509Certificate[] {certificate, authority});
      return store;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private X509Certificate sign(X509v3CertificateBuilder builder, boolean ca, GeneralNames names) {
    try {
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
      if (names != null) {
        builder.addExtension(Extension.subjectAlternativeName, false, names);
        builder.addExtension(
            Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
      }
      return new JcaX509CertificateConverter()
          .getCertificate(
              builder.build(
                  new JcaContentSignerBuilder("SHA256withECDSA")
                      .build(authorityKeys.getPrivate())));
    } catch (GeneralSecurityException | OperatorCreationException | java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static KeyPair keyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(256);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
