-- com.example.Transaction (mysql), written by asyncmodel's processor.
CREATE TABLE IF NOT EXISTS `transaction` (
  `id` bigint AUTO_INCREMENT NOT NULL PRIMARY KEY,
  `user_id` bigint NOT NULL,
  `amount` numeric(10, 2) NOT NULL,
  `description` varchar(200) NOT NULL,
  `category` varchar(50) NOT NULL,
  `created_at` datetime(6) NOT NULL,
  FOREIGN KEY (`user_id`) REFERENCES `auth_user` (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
