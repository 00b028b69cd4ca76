package vn.ktgs.kit.steps;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import vn.ktgs.kit.text.VietnameseText;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One step of a record's workflow and what it leaves behind: the action, the day it happened, a summary, who recorded
 * it and when. Each aggregate's step table adds its key column and its typed statuses.
 */
@MappedSuperclass
public abstract class StepRecord extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String action;
    @Column(name = "on_date")
    public LocalDate onDate;
    public String summary;
    public String actor;
    public Instant at;

    /** Fills the common part of the step (the summary NFC-normalised). */
    public void fill(String action, LocalDate on, String summary, String actor, Instant at) {
        this.action = action;
        this.onDate = on;
        this.summary = VietnameseText.normalise(summary);
        this.actor = actor;
        this.at = at;
    }
}
