package io.kovan.crm.api;

/** OPEN stages make up the pipeline; an opportunity ends in the WON or the LOST stage. */
public enum StageKind {
    OPEN, WON, LOST
}
