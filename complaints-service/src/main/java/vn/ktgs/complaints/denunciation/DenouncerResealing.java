package vn.ktgs.complaints.denunciation;

import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import vn.ktgs.kit.crypto.CryptoConfig;
import vn.ktgs.kit.crypto.FieldCipher;
import vn.ktgs.kit.crypto.Resealing;
import vn.ktgs.kit.crypto.SealedColumn;

import java.util.List;

/**
 * The denouncers' identities and the steps' notes to or about them, sealed again under the current key while a key
 * rotation runs (kit {@link Resealing}).
 */
@Singleton
public class DenouncerResealing extends Resealing {
    DenouncerResealing(EntityManager em, FieldCipher cipher, CryptoConfig config) {
        super(em, cipher, config);
    }

    @Override
    protected List<SealedColumn> columns() {
        return List.of(new SealedColumn("denunciation", "denouncers_sealed", Denunciations.PURPOSE, null),
                new SealedColumn("denunciation_step", "denouncer_note_sealed", Denunciations.PURPOSE, null));
    }
}
