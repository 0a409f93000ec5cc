/** The look shared by every document of the frameset system (each frame loads it). */
import './frameset.css';
