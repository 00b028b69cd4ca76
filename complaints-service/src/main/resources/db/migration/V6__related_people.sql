-- People related to an accused (relatives and the like, DOMAIN §7.8) whom intake names from the directory: none of them
-- may be on the handling team. A denouncer's related people are kept inside the sealed identity instead, since they
-- could point to the denouncer.
ALTER TABLE denunciation_accused ADD COLUMN related_member_ids uuid[] NOT NULL DEFAULT '{}';
