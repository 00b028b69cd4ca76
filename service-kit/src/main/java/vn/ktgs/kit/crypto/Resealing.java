package vn.ktgs.kit.crypto;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;
import vn.ktgs.kit.tasks.PeriodicTask;

import java.time.Duration;
import java.util.List;

/**
 * During a key rotation (previous keys configured), seals every stored value of the service's {@link SealedColumn}s
 * again under the current key, in batches, safe with several replicas (SKIP LOCKED). It logs how many it sealed, and
 * once when nothing is left under an old key: then the old key can go. Without previous keys it does nothing.
 * A service that seals data declares its columns in a subclass bean (services without sealed data need no key).
 */
public abstract class Resealing implements PeriodicTask {
    private static final Logger LOG = Logger.getLogger(Resealing.class);
    static final int BATCH = 200;

    private final EntityManager em;
    private final FieldCipher cipher;
    private final Duration every;
    private volatile boolean reportedDone;

    protected Resealing(EntityManager em, FieldCipher cipher, CryptoConfig config) {
        this.em = em;
        this.cipher = cipher;
        this.every = config.resealEvery();
    }

    /** The service's columns of sealed values. */
    protected abstract List<SealedColumn> columns();

    @Override
    public String name() {
        return "sealing stored values again under the current key";
    }

    @Override
    public Duration every() {
        return every;
    }

    @Override
    public void run() {
        if (!cipher.rotating()) {
            return;
        }
        long total = 0;
        for (SealedColumn c : columns()) {
            int n;
            do {
                n = QuarkusTransaction.requiringNew().call(() -> batch(c));
                total += n;
            } while (n == BATCH);
        }
        if (total > 0) {
            reportedDone = false;
            LOG.infof("key rotation: sealed %d stored values again under the current key", total);
        } else if (!reportedDone) {
            reportedDone = true;
            LOG.info("key rotation: no stored value is sealed under a previous key any more; ktgs.kit.crypto.previous-keys may be emptied");
        }
    }

    /** One batch of one column in one transaction; how many values it sealed again. */
    int batch(SealedColumn c) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, " + c.column() + " FROM " + c.table() + " WHERE " + c.column()
                        + " IS NOT NULL AND substring(" + c.column() + " from 1 for ?1) <> ?2 ORDER BY id LIMIT " + BATCH
                        + " FOR UPDATE SKIP LOCKED")
                .setParameter(1, cipher.currentPrefix().length).setParameter(2, cipher.currentPrefix()).getResultList();
        for (Object[] r : rows) {
            String plain = cipher.open((byte[]) r[1], c.purpose());
            var update = em.createNativeQuery("UPDATE " + c.table() + " SET " + c.column() + " = ?1"
                            + (c.indexColumn() == null ? "" : ", " + c.indexColumn() + " = ?3") + " WHERE id = ?2")
                    .setParameter(1, cipher.seal(plain, c.purpose())).setParameter(2, r[0]);
            if (c.indexColumn() != null) {
                update.setParameter(3, cipher.blindIndex(plain, c.purpose()));
            }
            update.executeUpdate();
        }
        return rows.size();
    }
}
