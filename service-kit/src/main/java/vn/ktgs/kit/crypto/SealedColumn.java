package vn.ktgs.kit.crypto;

/**
 * A column holding values sealed by {@link FieldCipher}, which {@link Resealing} seals again under the current key
 * during a rotation. A service names its own in its {@link Resealing} bean. {@code indexColumn}, when not null, holds the
 * value's blind index, which is computed again under the current key with it. The table's key column is {@code id}.
 */
public record SealedColumn(String table, String column, String purpose, String indexColumn) {
}
