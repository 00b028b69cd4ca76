package vn.ktgs.planning.member;

import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import vn.ktgs.kit.crypto.CryptoConfig;
import vn.ktgs.kit.crypto.FieldCipher;
import vn.ktgs.kit.crypto.Resealing;
import vn.ktgs.kit.crypto.SealedColumn;

import java.util.List;

/** The members' citizen IDs and their index, sealed again under the current key while a key rotation runs (kit {@link Resealing}). */
@Singleton
public class CitizenIdResealing extends Resealing {
    CitizenIdResealing(EntityManager em, FieldCipher cipher, CryptoConfig config) {
        super(em, cipher, config);
    }

    @Override
    protected List<SealedColumn> columns() {
        return List.of(new SealedColumn("member", "citizen_id_sealed", MemberCitizenIds.PURPOSE, "citizen_id_index"));
    }
}
