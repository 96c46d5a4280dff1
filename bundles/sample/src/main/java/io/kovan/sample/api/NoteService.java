package io.kovan.sample.api;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/** Notes; {@link #create} joins the caller's transaction. */
@ProviderType
public interface NoteService {

    /** Stores a note; the database refuses texts over 200 characters. */
    NoteDTO create(NoteDTO note);

    List<NoteDTO> list();

    long count();
}
