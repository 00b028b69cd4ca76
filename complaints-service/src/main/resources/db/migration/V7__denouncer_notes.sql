-- Text written to or about the denouncers on a step (an extension's notice, a withdrawal's reasons) may name them
-- (DOMAIN §7.8): it is sealed as their identity is, under the same purpose, and kept out of the summary the history
-- shows to viewers above the handling unit.
ALTER TABLE denunciation_step ADD COLUMN denouncer_note_sealed bytea;
