package io.kovan.kernel.impl.workflow;

import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** One transition that happened to one document. */
@Entity
@Table(name = "KV_WORKFLOW_HISTORY")
public class WorkflowHistoryEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "DOC_TYPE")
    String documentType;

    @Column(name = "DOC_ID")
    long documentId;

    String transition;

    @Column(name = "FROM_STATE")
    String fromState;

    @Column(name = "TO_STATE")
    String toState;

    @Column(name = "USER_NAME")
    String user;

    /** UTC. */
    @Column(name = "AT_TIME")
    LocalDateTime at;

    @Column(name = "COMMENT_TEXT")
    String comment;
}
