/**
 * A quiz's picture (the question's, or an option's) as the screens show it: the whole picture,
 * scaled into the box the layout gives it (never cropped, never making the page scroll), loaded
 * from the host's `/media/` (phones already hold it: see picture-preload.ts).
 */
import { mediaUrl } from './media-url';

interface QuizPictureProps {
  /** The picture's media name. */
  name: string;
  className: string;
  /** Empty when text beside the picture already says what it is (an option's label). */
  alt: string;
}

export function QuizPicture({ name, className, alt }: QuizPictureProps) {
  return <img className={`quiz-picture ${className}`} src={mediaUrl(name)} alt={alt} draggable={false} />;
}
